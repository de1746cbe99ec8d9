package dev.sevaswarm.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who is calling the API: a person logged in to the webapps (their session), a person with HTTP Basic (their Camunda password, throttled by the
 * engine after wrong attempts) or an integration with {@code Authorization: Bearer <token>}
 * (never throttled by anyone's wrong passwords). The request then runs as that user with their
 * groups, so Camunda's authorizations apply and history records who did it.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String CHALLENGE = "Basic realm=\"sev-a-swarm\", Bearer realm=\"sev-a-swarm\"";

  private final IdentityService identity;
  private final ApiTokens tokens;

  public ApiAuthenticationFilter(IdentityService identity, ApiTokens tokens) {
    this.identity = identity;
    this.tokens = tokens;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> user = authenticate(request.getHeader("Authorization"));
    if (user.isEmpty() && request.getHeader("Authorization") == null) {
      // the board and the room call the API from a page of someone logged in to the webapps (the
      // session cookie is SameSite and mutating calls take JSON only, so another site cannot)
      user = WebappLogin.of(request).map(Caller::userId);
    }
    if (user.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", CHALLENGE);
      return;
    }
    String userId = user.get();
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    identity.setAuthentication(userId, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Optional<String> authenticate(String header) {
    if (header == null) {
      return Optional.empty();
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return tokens.userOf(header.substring(7).trim()).filter(this::exists);
    }
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String credentials;
    try {
      credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = credentials.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String userId = credentials.substring(0, colon);
    return identity.checkPassword(userId, credentials.substring(colon + 1)) ? Optional.of(userId) : Optional.empty();
  }

  private boolean exists(String userId) {
    return identity.createUserQuery().userId(userId).count() == 1;
  }
}
