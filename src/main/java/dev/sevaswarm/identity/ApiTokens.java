package dev.sevaswarm.identity;

import dev.sevaswarm.cases.CaseClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tokens for integrations. A token acts as its user (with the user's groups) and is never
 * disabled by anyone's wrong passwords. It is random (256 bits), shown once, and kept only as
 * its SHA-256 hash, which is safe for a value that cannot be guessed.
 */
@Repository
public class ApiTokens {

  /** A token as administrators see it: never the token itself. */
  public record ApiToken(String id, String userId, String name, OffsetDateTime createdAt, String createdBy,
      OffsetDateTime lastUsedAt) {}

  /** A token just made: the only time its text is known. */
  public record Issued(ApiToken token, String secret) {}

  static final String PREFIX = "sws_";
  private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);
  private final SecureRandom random = new SecureRandom();
  private final JdbcTemplate jdbc;

  public ApiTokens(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public Issued issue(String userId, String name, String createdBy) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiToken issued = new ApiToken(UUID.randomUUID().toString(), userId, name, CaseClock.now(), createdBy, null);
    jdbc.update("insert into api_token (id, user_id, name, token_hash, created_at, created_by) values (?, ?, ?, ?, ?, ?)",
        issued.id(), userId, name, hash(token), issued.createdAt(), createdBy);
    return new Issued(issued, token);
  }

  public List<ApiToken> all() {
    return jdbc.query("select * from api_token order by created_at, id", (rs, row) -> new ApiToken(
        rs.getString("id"), rs.getString("user_id"), rs.getString("name"),
        rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
        rs.getObject("last_used_at", OffsetDateTime.class)));
  }

  public boolean revoke(String id) {
    return jdbc.update("delete from api_token where id = ?", id) > 0;
  }

  /** The user a presented token acts as, if it is a token we issued and have not revoked. */
  public Optional<String> userOf(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    String hash = hash(token);
    List<Holder> found = jdbc.query("select id, user_id, last_used_at from api_token where token_hash = ?",
        (rs, row) -> new Holder(rs.getString("id"), rs.getString("user_id"),
            rs.getObject("last_used_at", OffsetDateTime.class)), hash);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Holder holder = found.get(0);
    OffsetDateTime now = CaseClock.now();
    OffsetDateTime recordedSince = now.minus(USE_RECORDED_EVERY);
    if (holder.lastUsedAt() == null || holder.lastUsedAt().isBefore(recordedSince)) {
      jdbc.update("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)",
          now, holder.id(), recordedSince);
    }
    return Optional.of(holder.userId());
  }

  private record Holder(String id, String userId, OffsetDateTime lastUsedAt) {}

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
