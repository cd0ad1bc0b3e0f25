/// The files `kreds init` writes for publishing: a GitHub Actions workflow for GitHub Pages, a
/// GitLab CI file for GitLab Pages, and the site's README for its editors. Both recipes build on
/// every push and every morning, because an events site changes with the date; both fetch the
/// whole history. The gate checks them with actionlint and check-jsonschema.
enum PublishingRecipes {
  static let gitHubWorkflow = """
    # Builds the site with Kreds and publishes it on GitHub Pages: on every push to main, every
    # morning (an events site changes with the date: meetings pass, the calendar turns), and by
    # hand from the Actions tab.
    #
    # Set up once (README.md, "Publishing"):
    #   Settings > Pages > Source: GitHub Actions
    #   Settings > Secrets and variables > Actions > Variables: KREDS_DOWNLOAD_URL, the address of
    #   the kreds-<version>-linux-x86_64.tar.gz release you use.
    name: Publish the site

    on:
      push:
        branches: [main]
      schedule:
        - cron: "17 4 * * *"
      workflow_dispatch:

    permissions:
      contents: read
      pages: write
      id-token: write

    concurrency:
      group: pages
      cancel-in-progress: false

    jobs:
      build:
        runs-on: ubuntu-latest
        steps:
          - uses: actions/checkout@v4
            with:
              fetch-depth: 0
          - name: Get Kreds
            env:
              KREDS_DOWNLOAD_URL: ${{ vars.KREDS_DOWNLOAD_URL }}
            run: |
              if [ -z "$KREDS_DOWNLOAD_URL" ]; then
                echo "::error::Set the repository variable KREDS_DOWNLOAD_URL (see README.md)"
                exit 1
              fi
              mkdir -p "$RUNNER_TEMP/kreds"
              curl -fsSL "$KREDS_DOWNLOAD_URL" | tar -xz -C "$RUNNER_TEMP/kreds" --strip-components=1
              echo "$RUNNER_TEMP/kreds" >> "$GITHUB_PATH"
          - name: Check the content
            run: kreds check
          - name: Build the site
            run: kreds build --output site
          - uses: actions/upload-pages-artifact@v3
            with:
              path: site

      deploy:
        needs: build
        runs-on: ubuntu-latest
        environment:
          name: github-pages
          url: ${{ steps.deployment.outputs.page_url }}
        steps:
          - id: deployment
            uses: actions/deploy-pages@v4

    """

  static let gitLabCI = """
    # Builds the site with Kreds and publishes it on GitLab Pages: on every push to the default
    # branch, and on a schedule, because an events site changes with the date.
    #
    # Set up once (README.md, "Publishing"):
    #   Settings > CI/CD > Variables: KREDS_DOWNLOAD_URL, the address of the
    #   kreds-<version>-linux-x86_64.tar.gz release you use.
    #   Build > Pipeline schedules: a new schedule, every day at 05:17 (Europe/Copenhagen).
    pages:
      image: debian:12-slim
      variables:
        GIT_DEPTH: "0"
      rules:
        - if: $CI_PIPELINE_SOURCE == "schedule"
        - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
      before_script:
        - apt-get update -qq && apt-get install -y -qq curl ca-certificates
        - 'test -n "$KREDS_DOWNLOAD_URL" || { echo "Set the CI/CD variable KREDS_DOWNLOAD_URL (see README.md)"; exit 1; }'
        - mkdir -p /opt/kreds
        - curl -fsSL "$KREDS_DOWNLOAD_URL" | tar -xz -C /opt/kreds --strip-components=1
        - export PATH="/opt/kreds:$PATH"
      script:
        - kreds check
        - kreds build --output public
      artifacts:
        paths:
          - public

    """

  /// The site's README, for the editors who write it.
  static func readme(title: String, danish: Bool) -> String {
    if danish {
      return """
        # \(title)

        Denne mappe er hjemmesiden. Den bygges med [Kreds](https://www.example.dk/kreds/) ud fra
        tekstfilerne i `content/`.

        ## Sådan skriver du

        1. Se siden, mens du skriver: `kreds serve`, og åbn http://localhost:8000/. Siden bygges
           igen, hver gang du gemmer en fil.
        2. Nyt indhold: `kreds new event vores-netvaerk --title "Morgenmøde om energi" --start "2027-01-20 09:00"`,
           `kreds new story vores-netvaerk --title "…"`, `kreds new network …` og
           `kreds new newsletter …`. Filerne har de nøgler, der skal udfyldes, og resten som
           kommentarer.
        3. Tjek indholdet: `kreds check`. Hver fejl siger fil, linje og hvad der skal stå i stedet.
        4. Billeder og filer lægges i `content/media/`.

        ## Udgivelse

        Hjemmesiden bygges og udgives af sig selv, når ændringerne kommer i git, og hver morgen,
        så gamle møder forsvinder fra listerne.

        - **GitHub Pages:** `.github/workflows/kreds.yml`. Vælg én gang Settings → Pages →
          Source: GitHub Actions, og sæt variablen `KREDS_DOWNLOAD_URL` (Settings → Secrets and
          variables → Actions → Variables) til adressen på den Kreds-udgave, I bruger
          (`kreds-<version>-linux-x86_64.tar.gz`). Sæt `base_url` i `content/site.yaml` til
          sidens adresse, fx `https://brugernavn.github.io/hjemmeside/`.
        - **GitLab Pages:** `.gitlab-ci.yml`. Sæt variablen `KREDS_DOWNLOAD_URL` under
          Settings → CI/CD → Variables, og lav en daglig kørsel under Build → Pipeline schedules.
        - **Et almindeligt webhotel:** byg med `kreds build`, og kopiér mappen `site/` op, fx med
          `rsync -av --delete site/ bruger@webhotel.example.dk:public_html/` eller med et
          SFTP-program. Gør det hver dag, fx fra cron på en maskine, der har Kreds.

        Mappen `site/` laves af Kreds og skal ikke redigeres eller lægges i git.

        """
    }
    return """
      # \(title)

      This folder is the website. [Kreds](https://www.example.dk/kreds/) builds it from the text
      files in `content/`.

      ## Writing

      1. See the site while you write: `kreds serve`, and open http://localhost:8000/. The site is
         built again every time you save a file.
      2. New content: `kreds new event our-network --title "Breakfast meeting on energy" --start "2027-01-20 09:00"`,
         `kreds new story our-network --title "…"`, `kreds new network …` and
         `kreds new newsletter …`. The files have the keys to fill in, and the rest as comments.
      3. Check the content: `kreds check`. Every error names the file, the line and what to write
         instead.
      4. Pictures and files go in `content/media/`.

      ## Publishing

      The site is built and published by itself when changes reach git, and every morning, so
      that past meetings leave the lists.

      - **GitHub Pages:** `.github/workflows/kreds.yml`. Once, choose Settings → Pages → Source:
        GitHub Actions, and set the variable `KREDS_DOWNLOAD_URL` (Settings → Secrets and
        variables → Actions → Variables) to the address of the Kreds release you use
        (`kreds-<version>-linux-x86_64.tar.gz`). Set `base_url` in `content/site.yaml` to the
        site's address, e.g. `https://username.github.io/website/`.
      - **GitLab Pages:** `.gitlab-ci.yml`. Set the variable `KREDS_DOWNLOAD_URL` under
        Settings → CI/CD → Variables, and add a daily run under Build → Pipeline schedules.
      - **A plain web host:** build with `kreds build` and copy the `site/` folder up, e.g. with
        `rsync -av --delete site/ user@host.example.dk:public_html/` or an SFTP program. Do it
        every day, e.g. from cron on a machine that has Kreds.

      Kreds makes the `site/` folder: do not edit it or put it in git.

      """
  }
}
