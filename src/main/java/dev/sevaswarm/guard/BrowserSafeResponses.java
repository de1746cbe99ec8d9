package dev.sevaswarm.guard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What keeps a browser from being turned against the app's own pages and API: no content sniffing,
 * no framing by other sites, no cached API answers, and no state change from a cross-site form
 * (a form can post url-encoded or text bodies with cached credentials, but never JSON).
 */
public class BrowserSafeResponses extends OncePerRequestFilter {

  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    if (api) {
      response.setHeader("Cache-Control", "no-store");
      if (MUTATING.contains(request.getMethod()) && !json(request.getContentType())) {
        ProblemResponse.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "The API takes application/json bodies only (send Content-Type: application/json, also for an empty body)",
            List.of());
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean json(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
    } catch (IllegalArgumentException unreadable) {
      return false;
    }
  }
}
