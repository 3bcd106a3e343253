package dev.traced.sample.services;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * auto-s1, like the tutorial's {@code auto-s1.py}, with no tracing code at all: {@code GET /}
 * sets {@code name} to {@code hello} in Redis, asks MariaDB/MySQL {@code SELECT VERSION()}, calls
 * auto-s2, and answers {@code hello world}. Under the OpenTelemetry Java agent each of the three
 * calls is a client span of the request's server span.
 *
 * <p>The clients are Vert.x's own Redis and MySQL clients, which the agent instruments, so the
 * event loop never blocks. When a call fails (Redis or the database down, auto-s2 down) or takes
 * longer than {@link #CALL_TIMEOUT_SECONDS}, the request answers 502 with which one, the agent's
 * span of that call carries the error, and the next request tries again: the clients reconnect by
 * themselves once the server is back.
 */
public final class AutoS1Service extends HttpService {

  /** Port 10000, service name {@code auto-s1}. */
  public static final ServiceDescription DESCRIPTION =
      new ServiceDescription("auto-s1", 10000, ServiceNames.forCommand("auto-s1"), true, (settings, agent) -> new AutoS1Service(settings));

  static final long CALL_TIMEOUT_SECONDS = 5;

  private static final DistinctFailures FAILURES = new DistinctFailures(Logger.getLogger(AutoS1Service.class.getName()));

  private RedisAPI redis;
  private Pool database;
  private WebClient http;

  AutoS1Service(ServiceSettings settings) {
    super(settings);
  }

  @Override
  void routes(Router router) {
    DataStoreSettings stores = settings().dataStores();
    redis =
        RedisAPI.api(
            Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://" + stores.redisHost() + ":" + stores.redisPort())));
    database =
        MySQLBuilder.pool()
            .with(new PoolOptions().setMaxSize(4))
            .connectingTo(
                new MySQLConnectOptions()
                    .setHost(stores.mysqlHost())
                    .setPort(stores.mysqlPort())
                    .setUser(stores.mysqlUser())
                    .setPassword(stores.mysqlPassword()))
            .using(vertx)
            .build();
    http = WebClient.create(vertx);
    router.get("/").handler(this::hello);
  }

  private void hello(RoutingContext context) {
    call("Redis", redis.set(List.of("name", "hello")))
        .compose(stored -> call("the database", database.query("SELECT VERSION()").execute()))
        .compose(version -> call("auto-s2", http.getAbs(settings().s2Address() + "/").send().expecting(HttpResponseExpectation.SC_SUCCESS)))
        .onSuccess(answer -> context.response().end("hello world"))
        .onFailure(failure -> answer502(context, failure));
  }

  /** {@code result}, bounded in time, failing with {@link CallFailed} naming {@code what}. */
  private <T> Future<T> call(String what, Future<T> result) {
    Promise<T> bounded = Promise.promise();
    long timer =
        vertx.setTimer(
            TimeUnit.SECONDS.toMillis(CALL_TIMEOUT_SECONDS),
            expired -> bounded.tryFail(new CallFailed(what, new TimeoutException("no answer within " + CALL_TIMEOUT_SECONDS + " s"))));
    result.onComplete(
        outcome -> {
          vertx.cancelTimer(timer);
          if (outcome.succeeded()) {
            bounded.tryComplete(outcome.result());
          } else {
            bounded.tryFail(new CallFailed(what, outcome.cause()));
          }
        });
    return bounded.future();
  }

  private static void answer502(RoutingContext context, Throwable failure) {
    String what = failure instanceof CallFailed call ? call.what : "a call";
    FAILURES.log("the call to " + what + " failed, answering 502", failure instanceof CallFailed ? failure.getCause() : failure);
    if (!context.response().ended()) {
      context.response().setStatusCode(502).end(what + " unavailable");
    }
  }

  @Override
  public Future<?> stop() {
    return super.stop()
        .eventually(
            () -> {
              redis.close();
              return database.close();
            });
  }

  /** Which call of a request failed; the cause says why. */
  private static final class CallFailed extends RuntimeException {
    private final String what;

    CallFailed(String what, Throwable cause) {
      super(what + ": " + cause.getMessage(), cause, false, false);
      this.what = what;
    }
  }
}
