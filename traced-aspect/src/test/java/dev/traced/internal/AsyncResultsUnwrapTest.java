package dev.traced.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class AsyncResultsUnwrapTest {

  @Test
  void unwrapsFutureWrappersDownToTheApplicationsFailure() {
    IllegalStateException cause = new IllegalStateException();

    assertThat(AsyncResults.unwrap(new CompletionException(cause))).isSameAs(cause);
    assertThat(AsyncResults.unwrap(new ExecutionException(new CompletionException(cause)))).isSameAs(cause);
    assertThat(AsyncResults.unwrap(cause)).isSameAs(cause);
  }

  @Test
  void keepsAWrapperWithoutCause() {
    CompletionException bare = new CompletionException("no cause", null);

    assertThat(AsyncResults.unwrap(bare)).isSameAs(bare);
  }
}
