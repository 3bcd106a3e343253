package dev.traced.sample.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class DistinctFailuresTest {

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger logger = Logger.getAnonymousLogger();

  DistinctFailuresTest() {
    logger.setUseParentHandlers(false);
    logger.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record.getMessage() + (record.getThrown() == null ? "" : " with a stack trace"));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
  }

  @Test
  void aFailureIsLoggedOnceInOneLineWithItsInnermostCause() {
    DistinctFailures failures = new DistinctFailures(logger);
    IOException failure = new IOException("wrapped", new ConnectException("Connection refused"));
    for (int request = 0; request < 5; request++) {
      failures.log("the call to s2 failed", failure);
    }
    failures.log("the call to s2 failed", new IllegalStateException("other"));

    assertThat(lines)
        .containsExactly(
            "the call to s2 failed: ConnectException: Connection refused (logged once)",
            "the call to s2 failed: IllegalStateException: other (logged once)");
  }

  @Test
  void aDetailTheClientChoosesNeitherLogsAgainNorUsesUpTheLimit() {
    DistinctFailures failures = new DistinctFailures(logger);
    for (int path = 0; path < 2 * DistinctFailures.LIMIT; path++) {
      failures.log("request failed", " (/" + path + ")", new IllegalStateException("bad request"));
    }
    failures.log("request failed", " (/x)", new IllegalArgumentException("another"));

    assertThat(lines)
        .containsExactly(
            "request failed (/0): IllegalStateException: bad request (logged once)",
            "request failed (/x): IllegalArgumentException: another (logged once)");
  }
}
