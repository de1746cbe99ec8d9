package dev.sevaswarm.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.sevaswarm.notify.SwarmProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether a request to the bot comes from the Bot Framework, checked as Microsoft prescribes: a JWT
 * in {@code Authorization: Bearer}, RS256-signed by a key of the JWKS that the Bot Framework's OpenID
 * metadata names, issued by {@code https://api.botframework.com} for this bot's app id, not expired
 * (five minutes of clock skew), and naming in its {@code serviceurl} claim the service URL of the
 * activity it carries. The metadata is read again daily; the keys are cached and fetched again when
 * a token names one not seen yet (keys roll).
 */
@Component
public class BotFrameworkTokens {

  static final String ISSUER = "https://api.botframework.com";
  private static final Logger LOG = LoggerFactory.getLogger(BotFrameworkTokens.class);
  private static final int CLOCK_SKEW_SECONDS = 5 * 60;
  private static final Duration METADATA_KEPT = Duration.ofHours(24);

  private final SwarmProperties properties;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private ConfigurableJWTProcessor<SecurityContext> processor;
  private Instant metadataUntil = Instant.MIN;

  public BotFrameworkTokens(SwarmProperties properties) {
    this.properties = properties;
  }

  /** The token's claims when the request is the Bot Framework's; nothing otherwise. */
  public Optional<JWTClaimsSet> verify(String authorization, String activityServiceUrl) {
    if (!properties.teams().bot() || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        || activityServiceUrl == null) {
      return Optional.empty();
    }
    ConfigurableJWTProcessor<SecurityContext> checks;
    try {
      checks = processor();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Refused a Teams request: the Bot Framework's keys cannot be read ({})", describe(e));
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    try {
      JWTClaimsSet claims = checks.process(authorization.substring(7).trim(), null);
      String serviceUrl = claims.getStringClaim("serviceurl");
      if (serviceUrl == null || !sameUrl(serviceUrl, activityServiceUrl)) {
        LOG.info("Refused a Teams request whose token names another service URL than its activity");
        return Optional.empty();
      }
      return Optional.of(claims);
    } catch (Exception refused) { // a bad signature, claim, format or an unknown key: all the same to the caller
      LOG.info("Refused a Teams request: {}", describe(refused));
      return Optional.empty();
    }
  }

  private synchronized ConfigurableJWTProcessor<SecurityContext> processor() throws IOException, InterruptedException {
    if (processor != null && Instant.now().isBefore(metadataUntil)) {
      return processor;
    }
    String metadataUrl = properties.teams().openidMetadataUrl();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(metadataUrl))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    JsonNode metadata = response.statusCode() == 200 ? json.readTree(response.body()) : json.createObjectNode();
    String jwksUri = metadata.path("jwks_uri").asText(null);
    if (jwksUri == null) {
      throw new IOException("the Bot Framework's OpenID metadata at " + metadataUrl + " names no jwks_uri (HTTP "
          + response.statusCode() + ")");
    }
    JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(jwksUri).toURL()).build();
    DefaultJWTProcessor<SecurityContext> built = new DefaultJWTProcessor<>();
    built.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(properties.teams().appId(),
        new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("exp", "serviceurl"));
    claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
    built.setJWTClaimsSetVerifier(claims);
    processor = built;
    metadataUntil = Instant.now().plus(METADATA_KEPT);
    return processor;
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static boolean sameUrl(String a, String b) {
    return strip(a).equals(strip(b));
  }

  private static String strip(String url) {
    String trimmed = url.trim().toLowerCase(Locale.ROOT);
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
