package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.SpanAttribute;
import dev.traced.Traced;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The load-time weaver inlines the advice into every traced method, so a call allocates no
 * closure object and no argument array.
 *
 * <p>The weaver only inlines the advice of an aspect whose class file cannot be rewoven; with a
 * reweavable aspect it falls back to one {@code AjcClosure} class per traced method. The aspect is
 * therefore compiled with {@code XnotReweavable}, and this test fails if that is ever lost.
 */
@ExtendWith(TestTracing.class)
class AdviceInliningTest {

  static class Calls {
    @Traced("plain")
    int plain(int x) {
      return x + 1;
    }

    @Traced("recorded")
    String recorded(@SpanAttribute("name") String name) {
      return name;
    }

    @Traced("by-position")
    long byPosition(String name, @SpanAttribute("count") long count) {
      return count + name.length();
    }

    @Traced("from-join-point")
    int fromJoinPoint(int a, int b, int c, @SpanAttribute("d") int d) {
      return a + b + c + d;
    }
  }

  @Test
  void tracedMethodsAreWovenWithoutClosureClasses() {
    Calls calls = new Calls();

    assertThat(calls.plain(41)).isEqualTo(42);
    assertThat(calls.recorded("ada")).isEqualTo("ada");
    assertThat(calls.byPosition("ada", 2)).isEqualTo(5);
    assertThat(calls.fromJoinPoint(1, 2, 3, 4)).isEqualTo(10);

    assertThat(named("plain")).isNotNull();
    assertThat(named("recorded").getAttributes().asMap()).containsValue("ada");
    assertThat(named("by-position").getAttributes().asMap()).containsValue(2L);
    assertThat(named("from-join-point").getAttributes().asMap()).containsValue(4L);
    assertThat(closureClassesOf(Calls.class)).isEmpty();
  }

  /** The weaver names closures {@code Owner$AjcClosure1}, {@code $AjcClosure3}, and so on. */
  private static List<String> closureClassesOf(Class<?> owner) {
    List<String> found = new ArrayList<>();
    for (int i = 1; i <= 16; i++) {
      String name = owner.getName() + "$AjcClosure" + i;
      try {
        Class.forName(name, false, owner.getClassLoader());
        found.add(name);
      } catch (ClassNotFoundException expected) {
        // not generated: the advice was inlined
      }
    }
    return found;
  }
}
