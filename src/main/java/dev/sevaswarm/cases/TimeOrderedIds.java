package dev.sevaswarm.cases;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.springframework.stereotype.Component;

/**
 * The engine's row ids, newest last: UUIDs of version 7 (RFC 9562), which begin with the time in
 * milliseconds, so that a new row goes to the end of each index instead of a random place in it.
 *
 * <p>The Spring Boot starter's default ids (version 1 UUIDs) begin with the fastest-changing part of
 * the time, so new rows land all over every index of the engine's tables. Once the tables are larger
 * than what is written between two disk writes, each new row dirties an index page of its own; H2
 * spent a fifth of a busy application's CPU writing pages (docs/BENCHMARKS.md, "Ids in time order":
 * back to back, a case cost 76.5 ms of CPU with these ids against 88.3 ms, one round each). The rest of an
 * id is random (74 bits drawn from a secure generator for each millisecond, counted up within it), so
 * nodes of a cluster need no coordination and the id carries no network address. Ids already in a
 * database keep their shape; nothing in the engine or here reads an id for more than equality and order.
 */
@Component
public class TimeOrderedIds implements IdGenerator {

  private final NoArgGenerator uuids = Generators.timeBasedEpochGenerator();

  @Override
  public String getNextId() {
    return uuids.generate().toString();
  }
}
