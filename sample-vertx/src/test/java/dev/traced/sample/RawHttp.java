package dev.traced.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * HTTP/1.1 over a plain socket, header bytes exactly as given: what a hostile client sends, which
 * {@code HttpClient} refuses to (duplicated or non-ASCII headers, a megabyte of header).
 */
final class RawHttp {

  /** The status code, or -1 when the server closed the connection without answering. */
  record Response(int status, String body) {}

  private RawHttp() {}

  /** Sends {@code GET /} with {@code headerLines} ({@code "name: value"}) and reads the answer. */
  static Response get(int port, List<String> headerLines) throws IOException {
    StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    request.append("\r\n");
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(15_000);
      try {
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        // A server that rejects an oversized header may answer and close before reading it all.
      }
      return parse(readAll(socket.getInputStream()));
    }
  }

  private static String readAll(InputStream in) {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int read;
      while ((read = in.read(buffer)) != -1) {
        received.write(buffer, 0, read);
      }
    } catch (IOException e) {
      // A reset after the answer: keep what arrived.
    }
    return received.toString(StandardCharsets.UTF_8);
  }

  private static Response parse(String raw) {
    if (!raw.startsWith("HTTP/1.1 ")) {
      return new Response(-1, raw);
    }
    int status = Integer.parseInt(raw.substring(9, 12));
    int bodyStart = raw.indexOf("\r\n\r\n");
    return new Response(status, bodyStart < 0 ? "" : raw.substring(bodyStart + 4));
  }
}
