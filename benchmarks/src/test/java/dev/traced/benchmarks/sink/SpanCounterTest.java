package dev.traced.benchmarks.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanCounterTest {

  @Test
  void readsTheNameOfEverySpanAcrossResourcesAndScopes() throws IOException {
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(resourceSpans("s1", List.of(List.of("a", "b"), List.of("c"))))
            .addResourceSpans(resourceSpans("s2", List.of(List.of("a"))))
            .build();

    List<String> names = new ArrayList<>();
    SpanCounter.forEachSpanName(request.toByteArray(), names::add);

    assertThat(names).containsExactly("a", "b", "c", "a");
  }

  @Test
  void countsASpanWithoutANameUnderTheEmptyName() throws IOException {
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .addScopeSpans(ScopeSpans.newBuilder().addSpans(Span.newBuilder().setTraceId(ByteString.copyFrom(new byte[16])))))
            .build();

    List<String> names = new ArrayList<>();
    SpanCounter.forEachSpanName(request.toByteArray(), names::add);

    assertThat(names).containsExactly("");
  }

  @Test
  void rejectsABodyThatIsNotProtobuf() {
    assertThatThrownBy(() -> SpanCounter.forEachSpanName(new byte[] {(byte) 0xff, (byte) 0xff}, name -> {}))
        .isInstanceOf(IOException.class);
  }

  private static ResourceSpans resourceSpans(String service, List<List<String>> scopes) {
    ResourceSpans.Builder resourceSpans =
        ResourceSpans.newBuilder()
            .setResource(
                Resource.newBuilder()
                    .addAttributes(
                        KeyValue.newBuilder().setKey("service.name").setValue(AnyValue.newBuilder().setStringValue(service))));
    for (List<String> names : scopes) {
      ScopeSpans.Builder scope = ScopeSpans.newBuilder();
      for (String name : names) {
        scope.addSpans(
            Span.newBuilder()
                .setName(name)
                .setTraceId(ByteString.copyFrom(new byte[16]))
                .setSpanId(ByteString.copyFrom(new byte[8]))
                .setStartTimeUnixNano(1)
                .setEndTimeUnixNano(2));
      }
      resourceSpans.addScopeSpans(scope);
    }
    return resourceSpans.build();
  }
}
