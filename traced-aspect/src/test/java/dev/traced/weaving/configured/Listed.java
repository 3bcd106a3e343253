package dev.traced.weaving.configured;

import dev.traced.NotTraced;
import dev.traced.Traced;
import java.util.function.Supplier;

/** Methods without annotations, traced because the test's aop.xml lists this class. */
public class Listed {
  public String work() {
    Supplier<String> inner = () -> "worked";
    return inner.get();
  }

  static int add(int a, int b) {
    return a + b;
  }

  @Traced("own-settings")
  public String annotated() {
    return "annotated";
  }

  @NotTraced
  public String quiet() {
    return "quiet";
  }
}
