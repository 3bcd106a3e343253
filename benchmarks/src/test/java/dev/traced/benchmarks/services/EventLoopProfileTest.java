package dev.traced.benchmarks.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.benchmarks.services.EventLoopProfile.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLoopProfileTest {

  @Test
  void countsOnlyTheEventLoopsSamplesByTheirInnermostFrame(@TempDir Path directory) throws IOException {
    Path s1 = Files.writeString(
        directory.resolve("s1.collapsed.txt"),
        String.join(
            "\n",
            "[vert.x-eventloop-thread-0 tid=41];io/netty/channel/nio/NioEventLoop.run;do_syscall_64_[k] 7",
            "[vert.x-eventloop-thread-1 tid=42];io/vertx/core/impl/future/FutureImpl.complete;io/opentelemetry/sdk/trace/SdkSpan.end 3",
            "[BatchSpanProcessor_WorkerThread-1 tid=50];io/opentelemetry/exporter/Marshaler.write 11",
            ""));
    Path s2 = Files.writeString(
        directory.resolve("s2.collapsed.txt"),
        "[vert.x-eventloop-thread-0 tid=7];java/lang/Thread.run;dev/traced/internal/MethodTracer.start;itable stub 2\n");

    EventLoopProfile profile = EventLoopProfile.read(List.of(s1, s2));

    assertThat(profile.samples().get(Code.KERNEL)).isEqualTo(7);
    assertThat(profile.samples().get(Code.OPENTELEMETRY)).isEqualTo(3);
    assertThat(profile.samples().get(Code.JVM)).isEqualTo(2);
    assertThat(profile.total()).isEqualTo(12);
  }

  @Test
  void knowsTheCodeOfAFrameByItsPackage() {
    assertThat(Code.of("tcp_sendmsg_[k]")).isEqualTo(Code.KERNEL);
    assertThat(Code.of("[vdso]")).isEqualTo(Code.JVM);
    assertThat(Code.of("java/util/HashMap.get")).isEqualTo(Code.JDK);
    assertThat(Code.of("io/netty/buffer/ByteBuf.writeBytes")).isEqualTo(Code.NETTY);
    assertThat(Code.of("io/vertx/core/Future$$Lambda$177.0x00007f553c18e700.complete")).isEqualTo(Code.VERTX);
    assertThat(Code.of("dev/traced/internal/SpanEnding.succeeded")).isEqualTo(Code.TRACED);
    assertThat(Code.of("okhttp3/Call.execute")).isEqualTo(Code.OTHER);
  }
}
