package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.only;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.traced.Traced;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestTracing.class)
class ExceptionsTest {

  static class Repository {
    @Traced("runtime-failure")
    void fail(RuntimeException error) {
      throw error;
    }

    @Traced("checked-failure")
    void read(IOException error) throws IOException {
      throw error;
    }

    @Traced("error-failure")
    void overflow(Error error) {
      throw error;
    }

    @Traced(value = "lookup", expected = {NoSuchElementException.class, IOException.class})
    void lookup(Exception error) throws Exception {
      throw error;
    }
  }

  private final Repository repository = new Repository();

  @Test
  void aRuntimeExceptionIsRecordedAndTheSameInstanceRethrown() {
    IllegalStateException error = new IllegalStateException("boom");

    Throwable thrown = catchThrowable(() -> repository.fail(error));

    org.assertj.core.api.Assertions.assertThat(thrown).isSameAs(error);
    assertThat(only())
        .hasStatus(StatusData.error())
        .hasException(error)
        .hasEventsSatisfyingExactly(event -> event.hasName("exception"));
  }

  @Test
  void aCheckedExceptionPassesThroughUnwrapped() {
    IOException error = new IOException("disk");

    Throwable thrown = catchThrowable(() -> repository.read(error));

    org.assertj.core.api.Assertions.assertThat(thrown).isSameAs(error);
    assertThat(only()).hasStatus(StatusData.error()).hasException(error);
  }

  @Test
  void anErrorIsRecordedToo() {
    StackOverflowError error = new StackOverflowError("deep");

    Throwable thrown = catchThrowable(() -> repository.overflow(error));

    org.assertj.core.api.Assertions.assertThat(thrown).isSameAs(error);
    assertThat(only()).hasStatus(StatusData.error()).hasException(error);
  }

  @Test
  void anExpectedExceptionIsRecordedButIsNotAnError() {
    NoSuchElementException error = new NoSuchElementException("no such order");

    Throwable thrown = catchThrowable(() -> repository.lookup(error));

    org.assertj.core.api.Assertions.assertThat(thrown).isSameAs(error);
    assertThat(only()).hasException(error);
    org.assertj.core.api.Assertions.assertThat(only().getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void aSubtypeOfAnExpectedExceptionIsExpected() {
    FileNotFoundException error = new FileNotFoundException("missing.txt");

    catchThrowable(() -> repository.lookup(error));

    assertThat(only()).hasException(error);
    org.assertj.core.api.Assertions.assertThat(only().getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void anUnexpectedExceptionOfAMethodWithExpectedOnesIsAnError() {
    IllegalArgumentException error = new IllegalArgumentException("bad");

    catchThrowable(() -> repository.lookup(error));

    assertThat(only()).hasStatus(StatusData.error()).hasException(error);
  }
}
