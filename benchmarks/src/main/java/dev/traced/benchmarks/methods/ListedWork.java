package dev.traced.benchmarks.methods;

/**
 * A method with no annotation, traced because this module's {@code META-INF/aop.xml} lists it
 * through a {@code TracedMethods} concrete aspect; its span is {@code ListedWork.listed}.
 */
public class ListedWork {

  public long listed(long input) {
    return Work.compute(input);
  }
}
