package dev.sevaswarm.guard;

import dev.sevaswarm.intake.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A server error of the engine's REST APIs never tells the caller about the database: an answer
 * that names SQL, the driver or the database's version is replaced by a sentence with a reference,
 * and the original is logged under that reference for the operator. A change that met another
 * change of the same case at the same moment (the engine's optimistic locking: an engineer
 * completing a task while the case's own job ran, say) is not a server error either: nothing was
 * saved, and the person is told so and asked to try again (409), as the case API does. Both sit
 * here, in front of the answers, because the engine REST API and Tasklist's own are two separate
 * JAX-RS applications with their own exception mappers; this filter stands before both.
 */
public class NoInternalsInErrors extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(NoInternalsInErrors.class);
  static final Pattern INTERNALS = Pattern.compile("(?i)(###|\\bSQL\\b|SQLState|JDBC|org\\.h2|org\\.postgresql|"
      + "PSQLException|ibatis|\\[\\d{5}-\\d{3}]|PostgreSQL \\d|\\bH2 \\d|Database Operation)");

  /** The engine REST API's answer to an optimistic-locking failure. */
  static final Pattern COLLISION = Pattern.compile("\"type\"\\s*:\\s*\"OptimisticLockingException\"");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ErrorBuffer buffered = new ErrorBuffer(response);
    chain.doFilter(request, buffered);
    buffered.finish(request);
  }

  /** Passes answers through, except that the body of a 5xx answer is held until it has been read. */
  private static final class ErrorBuffer extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;

    ErrorBuffer(HttpServletResponse response) {
      super(response);
    }

    private boolean holding() {
      return getStatus() >= 500;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!holding()) {
        return super.getOutputStream();
      }
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("synchronous writes only");
          }

          @Override
          public void write(int b) {
            held.write(b);
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!holding()) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void setContentLength(int length) {
      if (!holding()) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!holding()) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!(holding() && "Content-Length".equalsIgnoreCase(name))) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!holding()) {
        super.flushBuffer();
      }
    }

    void finish(HttpServletRequest request) throws IOException {
      if (writer != null) {
        writer.flush();
      }
      if (held.size() == 0) {
        return;
      }
      String body = held.toString(StandardCharsets.UTF_8);
      HttpServletResponse response = (HttpServletResponse) getResponse();
      if (COLLISION.matcher(body).find()) {
        LOG.info("{} {} collided with another change of the same case: {}", request.getMethod(),
            request.getRequestURI(), body);
        response.resetBuffer();
        ProblemResponse.write(response, HttpStatus.CONFLICT, ApiProblems.CONFLICT, List.of());
        return;
      }
      if (!INTERNALS.matcher(body).find()) {
        response.getOutputStream().write(held.toByteArray());
        return;
      }
      String reference = UUID.randomUUID().toString();
      LOG.error("{} {} answered {} (reference {}): {}", request.getMethod(), request.getRequestURI(), getStatus(),
          reference, body);
      response.resetBuffer();
      ProblemResponse.write(response, HttpStatus.valueOf(getStatus()), "Something went wrong on our side (reference "
          + reference + "); the operator's log has the details.", List.of());
    }
  }
}
