import KredsSite

/// The files `kreds init` writes for publishing: a GitHub Actions workflow for GitHub Pages, a
/// GitLab CI file for GitLab Pages, and the site's README for its editors. Both recipes publish on
/// every push, and run every hour to publish when the date has changed the site (a meeting ended,
/// a `publish:` time came): `kreds next-change`, asked from a little before the last run, tells
/// whether it did, with no state kept between runs. Both fetch the whole history, which the
/// calendar sequences are counted from. The gate checks them with actionlint and
/// check-jsonschema.
enum PublishingRecipes {
  static let gitHubWorkflow = """
    # Builds the site with Kreds and publishes it on GitHub Pages: on every push to main, by hand
    # from the Actions tab, and every hour when the date has changed the site (a meeting ended, a
    # registration closed, a story's publish: time came, the calendar turned). An hourly run that
    # finds no such change since the runs before it publishes nothing.
    #
    # Set up once (README.md, "Publishing"; 'kreds docs publishing'):
    #   Settings > Pages > Source: GitHub Actions
    #   Settings > Secrets and variables > Actions > Variables: KREDS_DOWNLOAD_URL, the address of
    #   the kreds_<version>_amd64.deb release you use.
    name: Publish the site

    on:
      push:
        branches: [main]
      schedule:
        - cron: "17 * * * *"
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
        outputs:
          publish: ${{ steps.due.outputs.publish }}
        steps:
          # The whole history (fetch-depth: 0): calendar sequences are counted from it.
          - uses: actions/checkout@v4
            with:
              fetch-depth: 0
          # Kreds' .deb through apt, which brings libvips and its codecs (HEIC photos included).
          - name: Install Kreds
            id: kreds
            env:
              KREDS_DOWNLOAD_URL: ${{ vars.KREDS_DOWNLOAD_URL }}
            run: |
              if [ -z "$KREDS_DOWNLOAD_URL" ]; then
                echo "::error::KREDS_DOWNLOAD_URL is not set: add the repository variable KREDS_DOWNLOAD_URL, the address of the kreds_<version>_amd64.deb you use (README.md)"
                exit 1
              fi
              if ! curl -fsSL --retry 3 -o "$RUNNER_TEMP/kreds.deb" "$KREDS_DOWNLOAD_URL"; then
                echo "::error::KREDS_DOWNLOAD_URL could not be downloaded: $KREDS_DOWNLOAD_URL"
                exit 1
              fi
              if [ "$(dpkg-deb --field "$RUNNER_TEMP/kreds.deb" Package 2>/dev/null)" != kreds ]; then
                echo "::error::KREDS_DOWNLOAD_URL is not a Kreds release (kreds_<version>_amd64.deb): $KREDS_DOWNLOAD_URL"
                exit 1
              fi
              sudo apt-get update -qq
              if ! sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$RUNNER_TEMP/kreds.deb"; then
                echo "::error::Kreds could not be installed on this runner: apt-get says above which package is missing"
                exit 1
              fi
              kreds --version
              echo "version=$(kreds --version | head -n 1 | tr -cs 'A-Za-z0-9.' '-')" >> "$GITHUB_OUTPUT"
          - name: Decide whether to publish
            id: due
            run: |
              if [ "$GITHUB_EVENT_NAME" != "schedule" ]; then
                echo "publish=true" >> "$GITHUB_OUTPUT"
                exit 0
              fi
              # The first change after three hours ago: a late or skipped hourly run loses nothing.
              next=$(kreds next-change --now "$(date -u -d '3 hours ago' +%Y-%m-%dT%H:%M:%SZ)")
              if [ -n "$next" ] && [ "$(date -u -d "$next" +%s)" -le "$(date -u +%s)" ]; then
                echo "publish=true" >> "$GITHUB_OUTPUT"
              else
                echo "publish=false" >> "$GITHUB_OUTPUT"
                echo "The site has not changed since the last runs; next change: ${next:-none}"
              fi
          # Pictures made in earlier runs: a run makes only new ones. A damaged entry is made again.
          - uses: actions/cache@v4
            if: steps.due.outputs.publish == 'true'
            with:
              path: .kreds-cache
              key: kreds-pictures-${{ steps.kreds.outputs.version }}-${{ hashFiles('content/media/**', 'content/site.yaml') }}
              restore-keys: |
                kreds-pictures-${{ steps.kreds.outputs.version }}-
          - name: Check the content
            if: steps.due.outputs.publish == 'true'
            run: kreds check
          - name: Build the site
            if: steps.due.outputs.publish == 'true'
            run: kreds build --output site
          - uses: actions/upload-pages-artifact@v3
            if: steps.due.outputs.publish == 'true'
            with:
              path: site

      deploy:
        needs: build
        if: needs.build.outputs.publish == 'true'
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
    # branch, and on an hourly schedule when the date has changed the site (a meeting ended, a
    # registration closed, a story's publish: time came, the calendar turned). A scheduled run
    # that finds no such change stops with exit code 3, shown as an allowed failure, and
    # publishes nothing.
    #
    # Set up once (README.md, "Publishing"; 'kreds docs publishing'):
    #   Settings > CI/CD > Variables: KREDS_DOWNLOAD_URL, the address of the
    #   kreds_<version>_amd64.deb release you use.
    #   Build > Pipeline schedules: a new schedule, every hour ("17 * * * *").
    pages:
      # Debian's current stable release: Kreds' .deb installs there with apt, which brings
      # libvips and its codecs (HEIC photos included); git reads the history.
      image: debian:13-slim
      variables:
        GIT_DEPTH: "0"
      rules:
        - if: $CI_PIPELINE_SOURCE == "schedule"
        - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
      # Pictures made in earlier runs: a run makes only new ones. Each entry is keyed by the
      # picture and by the versions of Kreds and libvips; a damaged entry is made again.
      cache:
        key: kreds-pictures
        paths:
          - .kreds-cache/
      before_script:
        - 'test -n "$KREDS_DOWNLOAD_URL" || { echo "KREDS_DOWNLOAD_URL is not set: add the CI/CD variable KREDS_DOWNLOAD_URL, the address of the kreds_<version>_amd64.deb you use (README.md)"; exit 1; }'
        - apt-get update -qq
        - DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl ca-certificates git > /dev/null
        - 'curl -fsSL --retry 3 -o /tmp/kreds.deb "$KREDS_DOWNLOAD_URL" || { echo "KREDS_DOWNLOAD_URL could not be downloaded: $KREDS_DOWNLOAD_URL"; exit 1; }'
        - 'test "$(dpkg-deb --field /tmp/kreds.deb Package 2>/dev/null)" = kreds || { echo "KREDS_DOWNLOAD_URL is not a Kreds release (kreds_<version>_amd64.deb): $KREDS_DOWNLOAD_URL"; exit 1; }'
        - 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/kreds.deb || { echo "Kreds could not be installed in this image: apt-get says above which package is missing"; exit 1; }'
        - kreds --version
      allow_failure:
        exit_codes: [3]
      script:
        # The first change after three hours ago: a late or skipped hourly run loses nothing.
        - |
          if [ "$CI_PIPELINE_SOURCE" = "schedule" ]; then
            next=$(kreds next-change --now "$(date -u -d '3 hours ago' +%Y-%m-%dT%H:%M:%SZ)")
            if [ -z "$next" ] || [ "$(date -u -d "$next" +%s)" -gt "$(date -u +%s)" ]; then
              echo "The site has not changed since the last runs; next change: ${next:-none}"
              exit 3
            fi
          fi
        - kreds check
        - kreds build --output public
      artifacts:
        paths:
          - public

    """

  /// The site's README, for the editors who write it.
  static func readme(title: String, language: Language) -> String {
    if language == .da {
      return """
        # \(title)

        Denne mappe er hjemmesiden. Den bygges med Kreds ud fra tekstfilerne i `content/`.
        Vejledningen følger med Kreds: `kreds docs editors` viser redaktørens vejledning, og
        `kreds docs` viser resten (indholdets format, udgivelse) og hvor filerne ligger.

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

        Hjemmesiden bygges og udgives af sig selv, når ændringerne kommer i git, og hver time,
        når datoen har ændret den: et møde er slut, en tilmelding er lukket, eller en historie
        med `publish:` skal udkomme. Ellers udgives intet.

        - **GitHub Pages:** `.github/workflows/kreds.yml`. Vælg én gang Settings → Pages →
          Source: GitHub Actions, og sæt variablen `KREDS_DOWNLOAD_URL` (Settings → Secrets and
          variables → Actions → Variables) til adressen på den Kreds-udgave, I bruger
          (`kreds_<version>_amd64.deb`). Sæt `base_url` i `content/site.yaml` til
          sidens adresse, fx `https://brugernavn.github.io/hjemmeside/`.
        - **GitLab Pages:** `.gitlab-ci.yml`. Sæt variablen `KREDS_DOWNLOAD_URL` (adressen på
          `kreds_<version>_amd64.deb`) under Settings → CI/CD → Variables, og lav en kørsel hver time ("17 * * * *") under
          Build → Pipeline schedules.
        - **Et almindeligt webhotel:** byg med `kreds build`, og kopiér mappen `site/` op, fx med
          `rsync -av --delete site/ bruger@webhotel.example.dk:public_html/` eller med et
          SFTP-program. Gør det hver time, fx fra cron på en maskine, der har Kreds; `kreds
          next-change` siger, hvornår siden næste gang ændrer sig.

        Mappen `site/` laves af Kreds og skal ikke redigeres eller lægges i git.

        """
    }
    return """
      # \(title)

      This folder is the website. Kreds builds it from the text files in `content/`. The guides
      come with Kreds: `kreds docs editors-en` prints the editors' guide, and `kreds docs` lists
      the rest (the content format, publishing) and where the files are.

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

      The site is built and published by itself when changes reach git, and every hour when
      the date has changed it: a meeting ended, a registration closed, or a story with
      `publish:` is due. Otherwise nothing is published.

      - **GitHub Pages:** `.github/workflows/kreds.yml`. Once, choose Settings → Pages → Source:
        GitHub Actions, and set the variable `KREDS_DOWNLOAD_URL` (Settings → Secrets and
        variables → Actions → Variables) to the address of the Kreds release you use
        (`kreds_<version>_amd64.deb`). Set `base_url` in `content/site.yaml` to the
        site's address, e.g. `https://username.github.io/website/`.
      - **GitLab Pages:** `.gitlab-ci.yml`. Set the variable `KREDS_DOWNLOAD_URL` (the address
        of `kreds_<version>_amd64.deb`) under Settings → CI/CD → Variables, and add an hourly run ("17 * * * *") under
        Build → Pipeline schedules.
      - **A plain web host:** build with `kreds build` and copy the `site/` folder up, e.g. with
        `rsync -av --delete site/ user@host.example.dk:public_html/` or an SFTP program. Do it
        every hour, e.g. from cron on a machine that has Kreds; `kreds next-change` tells when
        the site next changes.

      Kreds makes the `site/` folder: do not edit it or put it in git.

      """
  }
}
