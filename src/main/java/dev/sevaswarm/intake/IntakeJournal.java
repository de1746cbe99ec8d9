package dev.sevaswarm.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sevaswarm.cases.DatabaseProduct;
import dev.sevaswarm.cases.DiskSync;
import dev.sevaswarm.identity.Caller;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes a case answered {@code 201} durable on the embedded H2 file database without writing the
 * database to disk for it. H2 writes committed data up to half a second later, and a synced
 * checkpoint per answer (what {@link DiskSync} does) writes every page the case touched: the
 * engine's tables and indexes, each time again. That cost the intake about two fifths of its rate
 * (docs/BENCHMARKS.md). Instead, after the case's commit and before its answer, one line (the request,
 * its case number, arrival time, caller and playbook) is appended to this journal and forced to
 * disk, which takes a fraction of a millisecond.
 *
 * <p>Every {@link #SEAL_EVERY} a new journal file is begun and one synced checkpoint makes the cases
 * of the files before it durable in the database; those files are deleted. On start-up, a case of the
 * journal that the database does not have (the process stopped within that half second) is opened
 * again as it was answered ({@link CaseIntake#reopenLost}). PostgreSQL is durable at commit, and an
 * in-memory H2 keeps nothing across a restart: there the journal is off.
 */
@Component
public class IntakeJournal {

  static final Duration SEAL_EVERY = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(IntakeJournal.class);
  private static final String SUFFIX = ".intake-journal.";

  /** One answered case, as it was opened. */
  public record Line(String caseId, OffsetDateTime received, String userId, List<String> groups, String playbook,
      CaseRequest request) {

    Line(String caseId, OffsetDateTime received, Caller caller, String playbook, CaseRequest request) {
      this(caseId, received, caller.userId(), caller.groups(), playbook, request);
    }

    /** Who opened the case. */
    Caller caller() {
      return new Caller(userId, groups);
    }
  }

  private final ObjectMapper json = JsonMapper.builder().findAndAddModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private final DiskSync disk;
  /** Where the database is, to which the journal's number and suffix are added; null when off. */
  private final String base;
  private final Object lock = new Object();
  private FileChannel current;
  private long number;
  private boolean written;
  private ScheduledExecutorService sealing;

  public IntakeJournal(DataSource dataSource, DiskSync disk) {
    this.disk = disk;
    this.base = DatabaseProduct.of(dataSource) == DatabaseProduct.H2
        ? new JdbcTemplate(dataSource).queryForObject("select database_path()", String.class) : null;
  }

  /** Whether answered cases are journaled (the embedded H2 file database). */
  boolean on() {
    return base != null;
  }

  /**
   * Call after the case's commit, before its answer: the case is kept when this returns, by its line
   * on disk, or (without a journal) by the database's own checkpoint.
   */
  void answered(Line line) {
    if (!on()) {
      disk.committedDataToDisk();
      return;
    }
    byte[] bytes;
    try {
      bytes = (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write case " + line.caseId() + " to the intake journal", e);
    }
    synchronized (lock) {
      try {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          current.write(buffer);
        }
        current.force(false);
        written = true;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write case " + line.caseId() + " to the intake journal", e);
      }
    }
  }

  /** The lines of every journal file left by the last run, oldest first (a line cut short by a crash is left out). */
  List<Line> left() {
    List<Line> lines = new ArrayList<>();
    for (Path file : files()) {
      try {
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (text.isBlank()) {
            continue;
          }
          try {
            lines.add(json.readValue(text, Line.class));
          } catch (IOException cutShort) {
            // the last line of a crashed run, written in part: its case was not answered
            LOG.warn("An incomplete line of {} is skipped: its case was never answered", file);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the intake journal " + file, e);
      }
    }
    return lines;
  }

  /**
   * Begins the journal: the files left by the last run, whose cases the database now has, are
   * made durable there and deleted; then lines go to a new file, sealed every {@link #SEAL_EVERY}.
   * Only when the journal is {@link #on()}.
   */
  void begin() {
    List<Path> left = files();
    number = left.isEmpty() ? 1 : number(left.get(left.size() - 1)) + 1;
    synchronized (lock) {
      current = open(number);
    }
    if (!left.isEmpty()) {
      disk.committedDataToDisk();
      left.forEach(IntakeJournal::delete);
    }
    sealing = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "intake-journal");
      thread.setDaemon(true);
      return thread;
    });
    sealing.scheduleWithFixedDelay(this::seal, SEAL_EVERY.toMillis(), SEAL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Begins a new file; one synced checkpoint then covers every case of the older ones (each was
   * committed before its line was written), which are deleted.
   */
  void seal() {
    FileChannel sealed;
    long keptFrom;
    synchronized (lock) {
      if (!written) {
        return;
      }
      sealed = current;
      keptFrom = ++number;
      current = open(keptFrom);
      written = false;
    }
    try {
      sealed.close();
      disk.committedDataToDisk();
      files().stream().filter(file -> number(file) < keptFrom).forEach(IntakeJournal::delete);
    } catch (IOException | RuntimeException e) {
      // the files stay, and the next seal or start-up takes care of them
      LOG.warn("The intake journal could not be sealed: {}", e.getMessage());
    }
  }

  @PreDestroy
  void stop() {
    if (sealing != null) {
      sealing.shutdownNow();
    }
    synchronized (lock) {
      if (current != null) {
        try {
          current.close();
        } catch (IOException ignored) {
          // the lines are on disk already
        }
      }
    }
  }

  private FileChannel open(long n) {
    try {
      return FileChannel.open(Path.of(base + SUFFIX + n), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the intake journal next to " + base, e);
    }
  }

  private List<Path> files() {
    Path database = Path.of(base).toAbsolutePath();
    String prefix = database.getFileName() + SUFFIX;
    try (Stream<Path> all = Files.list(database.getParent())) {
      return all.filter(file -> file.getFileName().toString().startsWith(prefix)
              && file.getFileName().toString().substring(prefix.length()).matches("\\d+"))
          .sorted(Comparator.comparingLong(IntakeJournal::number)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the intake journal next to " + base, e);
    }
  }

  private static long number(Path file) {
    String name = file.getFileName().toString();
    return Long.parseLong(name.substring(name.lastIndexOf('.') + 1));
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the sealed intake journal " + file, e);
    }
  }
}
