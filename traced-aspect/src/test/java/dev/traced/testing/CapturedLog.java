package dev.traced.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps what traced logs during a test class, for its assertions, out of the build's output: the
 * tests that provoke a reported problem check the report instead of printing it.
 */
public final class CapturedLog implements BeforeAllCallback, AfterAllCallback {

  private static final Logger TRACED = Logger.getLogger("dev.traced");
  private static final List<LogRecord> RECORDS = new CopyOnWriteArrayList<>();
  private static final Handler CAPTURE =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          RECORDS.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  /** The messages logged so far, each with its exception's text when it has one. */
  public static List<String> messages() {
    return RECORDS.stream()
        .map(record -> record.getMessage() + (record.getThrown() == null ? "" : " | " + record.getThrown()))
        .toList();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    TRACED.addHandler(CAPTURE);
    TRACED.setUseParentHandlers(false);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TRACED.removeHandler(CAPTURE);
    TRACED.setUseParentHandlers(true);
  }
}
