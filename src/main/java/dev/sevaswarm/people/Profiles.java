package dev.sevaswarm.people;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sevaswarm.cases.CaseClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** People's profiles, kept in the database (every node matches work to the same people). */
@Repository
public class Profiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;

  public Profiles(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public Optional<Profile> of(String userId) {
    return jdbc.query("select * from person_profile where user_id = ?", (rs, row) -> profile(rs), userId).stream()
        .findFirst();
  }

  public List<Profile> all() {
    return jdbc.query("select * from person_profile order by user_id", (rs, row) -> profile(rs));
  }

  /** Whether anyone keeps a profile. */
  public boolean any() {
    return !jdbc.queryForList("select user_id from person_profile fetch first 1 rows only", String.class).isEmpty();
  }

  /** Creates or replaces a person's profile. */
  public void save(Profile profile, String by) {
    Object[] values = {write(new java.util.TreeMap<>(profile.skills())), String.join("\n", profile.services()),
        profile.timeZone().getId(), profile.workingHours().start().toString(), profile.workingHours().end().toString(),
        profile.workingHours().days().stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(",")),
        profile.away(), CaseClock.now(), by, profile.userId()};
    int updated = jdbc.update("update person_profile set skills = ?, services = ?, time_zone = ?, work_start = ?,"
        + " work_end = ?, work_days = ?, away = ?, updated_at = ?, updated_by = ? where user_id = ?", values);
    if (updated == 0) {
      jdbc.update("insert into person_profile (skills, services, time_zone, work_start, work_end, work_days, away,"
          + " updated_at, updated_by, user_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
    }
  }

  /** Forgets a person's profile (they left the team); false when there was none. */
  public boolean delete(String userId) {
    return jdbc.update("delete from person_profile where user_id = ?", userId) == 1;
  }

  /** A day as profiles write it: MON, TUE, ... */
  public static Optional<DayOfWeek> day(String abbreviation) {
    return Arrays.stream(DayOfWeek.values()).filter(d -> d.name().substring(0, 3).equals(abbreviation)).findFirst();
  }

  private static Profile profile(ResultSet rs) throws SQLException {
    String services = rs.getString("services");
    return new Profile(rs.getString("user_id"), read(rs.getString("skills")),
        services.isEmpty() ? List.of() : List.of(services.split("\n")), ZoneId.of(rs.getString("time_zone")),
        new WorkingHours(LocalTime.parse(rs.getString("work_start")), LocalTime.parse(rs.getString("work_end")),
            Arrays.stream(rs.getString("work_days").split(",")).map(Profiles::day).flatMap(Optional::stream)
                .collect(Collectors.toSet())),
        rs.getBoolean("away"));
  }

  private static Map<String, Integer> read(String skills) {
    try {
      return JSON.readValue(skills, new TypeReference<LinkedHashMap<String, Integer>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A profile's skills are not JSON: " + skills, e);
    }
  }

  private static String write(Map<String, Integer> skills) {
    try {
      return JSON.writeValueAsString(skills);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
