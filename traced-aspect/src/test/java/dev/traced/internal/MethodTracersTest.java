package dev.traced.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.Traced;
import org.aspectj.lang.JoinPoint;
import org.aspectj.runtime.reflect.Factory;
import org.junit.jupiter.api.Test;

/** The cache finds each join point's own tracer, by id, and never mistakes one for another. */
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
}
