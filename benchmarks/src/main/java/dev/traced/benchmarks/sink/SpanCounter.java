package dev.traced.benchmarks.sink;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads the span names of an OTLP {@code ExportTraceServiceRequest} straight off the wire.
 *
 * <p>The sink must not cost the measured JVMs more CPU than a collector far away would, so it
 * skips everything but the path to each span's name instead of building the whole message:
 * {@code resource_spans} (1) → {@code scope_spans} (2) → {@code spans} (2) → {@code name} (5).
 */
final class SpanCounter {

  private static final int RESOURCE_SPANS = 1;
  private static final int SCOPE_SPANS = 2;
  private static final int SPANS = 2;
  private static final int NAME = 5;

  private SpanCounter() {}

  /** Calls {@code names} with the name of every span in {@code request}. */
  static void forEachSpanName(byte[] request, Consumer<String> names) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(request);
    forEachField(in, RESOURCE_SPANS, resource -> forEachField(resource, SCOPE_SPANS, scope -> forEachField(scope, SPANS, span -> {
      String name = "";
      int tag;
      while ((tag = span.readTag()) != 0) {
        if (WireFormat.getTagFieldNumber(tag) == NAME) {
          name = span.readStringRequireUtf8();
        } else {
          span.skipField(tag);
        }
      }
      names.accept(name);
    })));
  }

  private interface Body {
    void read(CodedInputStream message) throws IOException;
  }

  /** Hands the body of each length-delimited field {@code number} to {@code body}, skipping the rest. */
  private static void forEachField(CodedInputStream in, int number, Body body) throws IOException {
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (WireFormat.getTagFieldNumber(tag) == number && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        int limit = in.pushLimit(in.readRawVarint32());
        body.read(in);
        in.popLimit(limit);
      } else {
        in.skipField(tag);
      }
    }
  }
}
