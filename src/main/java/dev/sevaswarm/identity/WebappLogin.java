package dev.sevaswarm.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** The person logged in to the Camunda webapps (Tasklist, Cockpit) in this browser session, if any. */
public final class WebappLogin {

  /** Where a browser without a session logs in. */
  public static final String LOGIN_PAGE = "/camunda/app/welcome/default/";

  private WebappLogin() {}

  public static Optional<Caller> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return Optional.empty();
    }
    return authentications.getAuthentications().stream().findFirst()
        .map(user -> new Caller(user.getName(), groups(user)));
  }

  private static List<String> groups(UserAuthentication user) {
    return user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds());
  }
}
