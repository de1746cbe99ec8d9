package dev.sevaswarm.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Which database the application runs on: the embedded H2 or PostgreSQL. */
public enum DatabaseProduct {
  H2, POSTGRESQL;

  public static DatabaseProduct of(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String name = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      return name.contains("postgres") ? POSTGRESQL : H2;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database", e);
    }
  }
}
