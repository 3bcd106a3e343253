package dev.traced.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.Traced;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.aspectj.lang.JoinPoint;
import org.aspectj.runtime.reflect.Factory;
import org.junit.jupiter.api.Test;

/**
 * The cache finds each join point's own tracer, by id and through its table of join points already called,
 * never mistakes one for another and keeps no class of another class loader alive.
 */
class MethodTracersTest {

  @SuppressWarnings("unused")
  static class Subject {
    @Traced("first")
    void first() {}

    @Traced("second")
    void second() {}
  }

  /** Join points as the weaver makes them: one factory per class, numbering its join points from 0. */
  private static JoinPoint.StaticPart executionOf(Factory factory, String method) {
    return factory.makeSJP(
        JoinPoint.METHOD_EXECUTION,
        factory.makeMethodSig(0, method, Subject.class, new Class<?>[0], new String[0], new Class<?>[0], void.class),
        1);
  }

  @Test
  void eachJoinPointGetsItsOwnTracerOnceAndForAll() {
    Factory factory = new Factory("MethodTracersTest.java", Subject.class);
    JoinPoint.StaticPart first = executionOf(factory, "first");
    JoinPoint.StaticPart second = executionOf(factory, "second");

    MethodTracer firstTracer = MethodTracers.of(first);

    assertThat(firstTracer.spanName()).isEqualTo("first");
    assertThat(MethodTracers.of(second).spanName()).isEqualTo("second");
    assertThat(MethodTracers.of(first)).isSameAs(firstTracer);
  }

  @Test
  void aJoinPointWhoseIdIsTakenStillGetsItsOwnTracer() {
    JoinPoint.StaticPart first = executionOf(new Factory("MethodTracersTest.java", Subject.class), "first");
    JoinPoint.StaticPart second = executionOf(new Factory("MethodTracersTest.java", Subject.class), "second");
    assertThat(second.getId()).isEqualTo(first.getId());

    assertThat(MethodTracers.of(first).spanName()).isEqualTo("first");
    assertThat(MethodTracers.of(second).spanName()).isEqualTo("second");
    assertThat(MethodTracers.of(second)).isSameAs(MethodTracers.of(second));
  }

  @Test
  void joinPointsThatShareASlotOfTheTableKeepTheirOwnTracers() {
    // More join points than the table has slots, so some must share one.
    Factory factory = new Factory("MethodTracersTest.java", Subject.class);
    List<JoinPoint.StaticPart> joinPoints = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      joinPoints.add(executionOf(factory, i % 2 == 0 ? "first" : "second"));
    }
    List<MethodTracer> tracers = joinPoints.stream().map(MethodTracers::of).toList();

    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < joinPoints.size(); i++) {
        MethodTracer tracer = MethodTracers.of(joinPoints.get(i));
        assertThat(tracer).isSameAs(tracers.get(i));
        assertThat(tracer.spanName()).isEqualTo(i % 2 == 0 ? "first" : "second");
      }
    }
  }

  @Test
  void theTracersOfAnotherClassLoadersClassDoNotKeepItAlive() throws Exception {
    WeakReference<ClassLoader> loader = traceOnceInOwnLoader();

    for (int attempt = 0; attempt < 20 && loader.get() != null; attempt++) {
      System.gc();
    }

    assertThat(loader.get()).as("the class loader of a traced class no longer in use").isNull();
  }

  private static WeakReference<ClassLoader> traceOnceInOwnLoader() throws Exception {
    OwnLoader loader = new OwnLoader();
    Class<?> subject = loader.define(Subject.class);
    Factory factory = new Factory("MethodTracersTest.java", subject);
    // Many join points, so that some land in empty slots of the table however full other tests
    // left it: the table must turn every one of them away.
    for (int i = 0; i < 5_000; i++) {
      JoinPoint.StaticPart joinPoint =
          factory.makeSJP(
              JoinPoint.METHOD_EXECUTION,
              factory.makeMethodSig(0, "first", subject, new Class<?>[0], new String[0], new Class<?>[0], void.class),
              1);
      assertThat(MethodTracers.of(joinPoint).spanName()).isEqualTo("first");
      assertThat(MethodTracers.of(joinPoint)).isSameAs(MethodTracers.of(joinPoint));
    }
    return new WeakReference<>(loader);
  }

  /** Defines its own copy of a class, as an application server's loader of one application would. */
  private static final class OwnLoader extends ClassLoader {

    OwnLoader() {
      super(MethodTracersTest.class.getClassLoader());
    }

    Class<?> define(Class<?> type) throws IOException {
      try (InputStream in = getParent().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
        byte[] bytes = in.readAllBytes();
        return defineClass(type.getName(), bytes, 0, bytes.length);
      }
    }
  }
}
