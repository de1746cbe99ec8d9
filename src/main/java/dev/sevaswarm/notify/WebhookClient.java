package dev.sevaswarm.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Posts JSON to an incoming webhook with connect and read timeouts, so a hanging endpoint fails
 * the delivery (and is retried) instead of pinning a job executor thread.
 */
@Component
public class WebhookClient {

  private final HttpClient http;
  private final SwarmProperties properties;

  public WebhookClient(SwarmProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.delivery().connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public void post(String url, String json) {
    HttpRequest request = request(url, json);
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new WebhookException("Webhook " + host(url) + " did not answer within " + properties.delivery().readTimeout(), e);
    } catch (IOException e) {
      throw new WebhookException("Webhook " + host(url) + " cannot be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhookException("Interrupted while calling webhook " + host(url), e);
    }
    if (response.statusCode() / 100 != 2) {
      String body = response.body() == null ? "" : response.body();
      throw new WebhookException("Webhook " + host(url) + " answered " + response.statusCode() + ": "
          + body.substring(0, Math.min(200, body.length())), null);
    }
  }

  /**
   * The start-up rehearsal: calls this application itself (its liveness probe), so that the first
   * webhook call does not pay for starting the client.
   */
  void rehearse(String ownUrl) {
    try {
      http.send(HttpRequest.newBuilder(URI.create(ownUrl)).timeout(properties.delivery().readTimeout()).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new WebhookException("The rehearsal could not reach " + ownUrl + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpRequest request(String url, String json) {
    return HttpRequest.newBuilder(URI.create(url.trim()))
        .timeout(properties.delivery().readTimeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .build();
  }

  /** The host only: webhook URLs carry their secret in the path. */
  private static String host(String url) {
    return URI.create(url.trim()).getHost();
  }

  /** A webhook refused or did not take the message. */
  public static class WebhookException extends RuntimeException {
    WebhookException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
