package dev.traced.sample.services;

import dev.traced.vertx.VertxHeaders;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/**
 * Calls s2 with the current trace context in the request headers, like the tutorial's
 * {@code requests.get(s2, headers=inject(...))}.
 */
final class S2Client {

  private final WebClient client;
  private final String s2Address;
  private final ContextPropagators propagators;

  S2Client(Vertx vertx, String s2Address, ContextPropagators propagators) {
    this.client = WebClient.create(vertx);
    this.s2Address = s2Address;
    this.propagators = propagators;
  }

  /** s2's answer; fails unless s2 answers 2xx. */
  Future<String> hello() {
    MultiMap headers = VertxHeaders.inject(propagators, Context.current(), MultiMap.caseInsensitiveMultiMap());
    return client
        .getAbs(s2Address + "/")
        .putHeaders(headers)
        .send()
        .expecting(HttpResponseExpectation.SC_SUCCESS)
        .map(HttpResponse::bodyAsString);
  }
}
