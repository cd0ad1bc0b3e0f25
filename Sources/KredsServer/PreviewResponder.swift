import Foundation
import Hummingbird
import KredsBuild
import KredsImages
import KredsSite

/// Answers every request from the site in memory, rendering a page when it is first asked for.
/// Only paths of the site exist, so `..`, encoded variants and absolute paths can never reach a
/// file outside the site.
struct PreviewResponder: HTTPResponder {
  typealias Context = BasicRequestContext

  let state: PreviewState
  let contentFolder: URL
  /// Makes a picture's variant when it is first asked for (or takes it from the cache).
  let images: ImageStore

  func respond(to request: Request, context: Context) async throws -> Response {
    guard request.method == .get || request.method == .head else {
      return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
    }
    let rawPath = request.uri.path
    if rawPath == PreviewPages.reloadPath { return await reloadEvents() }
    guard let decoded = rawPath.removingPercentEncoding, decoded.hasPrefix("/"),
      !decoded.contains("\0")
    else {
      return await notFound(head: request.method == .head)
    }
    var key = String(decoded.dropFirst())
    if key.isEmpty || key.hasSuffix("/") { key += "index.html" }
    guard let site = await state.site else {
      if await state.hasErrors {
        return html(
          PreviewPages.errorPage(await state.diagnostics), status: .internalServerError,
          head: request.method == .head)
      }
      return await notFound(head: request.method == .head)
    }
    // Renders the page now when this is the first request for it since the last change.
    guard let file = site.file(at: key) else {
      if site.plan.contains(key + "/index.html") {
        return Response(status: .movedPermanently, headers: [.location: rawPath + "/"])
      }
      return await notFound(head: request.method == .head)
    }
    return await serve(file.content, path: key, head: request.method == .head)
  }

  private func serve(_ content: OutputFile.Content, path: String, head: Bool) async -> Response {
    var bytes: [UInt8]
    switch content {
    case .bytes(let data): bytes = data
    case .contentFile(let relative):
      guard
        let data = FileManager.default.contents(
          atPath: contentFolder.appendingPathComponent(relative).path)
      else {
        return await notFound(head: head)
      }
      bytes = [UInt8](data)
    case .animation(let relative):
      guard
        let data = FileManager.default.contents(
          atPath: contentFolder.appendingPathComponent(relative).path)
      else {
        return await notFound(head: head)
      }
      bytes = AnimationMetadata.removed(from: [UInt8](data))
    case .image(let variant):
      let folder = contentFolder
      let store = images
      let made = await Task.detached {
        try? store.bytes(of: variant, contentFolder: folder).get()
      }.value
      guard let made else { return await notFound(head: head) }
      bytes = made
    }
    let type = ContentType.of(path)
    if type.hasPrefix("text/html") {
      let page = PreviewPages.decorate(
        String(decoding: bytes, as: UTF8.self), diagnostics: await state.diagnostics)
      bytes = Array(page.utf8)
    }
    return Response(
      status: .ok,
      headers: [
        .contentType: type, .cacheControl: "no-store", .contentLength: String(bytes.count),
      ],
      body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  private func notFound(head: Bool) async -> Response {
    var page =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1></body></html>"
    if case .bytes(let bytes)? = await state.site?.file(at: "404.html")?.content {
      page = String(decoding: bytes, as: UTF8.self)
    }
    return html(
      PreviewPages.decorate(page, diagnostics: await state.diagnostics), status: .notFound,
      head: head)
  }

  private func html(_ text: String, status: HTTPResponse.Status, head: Bool) -> Response {
    let bytes = Array(text.utf8)
    return Response(
      status: status,
      headers: [
        .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
        .contentLength: String(bytes.count),
      ],
      body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  /// Server-sent events: one `reload` message after every build, until the page goes away.
  private func reloadEvents() async -> Response {
    let (id, stream) = await state.subscribe()
    let state = self.state
    return Response(
      status: .ok,
      headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
      body: ResponseBody { writer in
        defer { Task { await state.unsubscribe(id) } }
        try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
        for await _ in stream {
          try await writer.write(ByteBuffer(string: "data: reload\n\n"))
        }
        try await writer.finish(nil)
      })
  }
}
