package vn.motcua.webapp.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** Creates the two databases and reads the server's counters of each. */
record LifecycleDatabase(EmbeddedPostgres postgres) {

  void create(String name) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
      // the counters of every database, read from this one
      s.execute("create extension if not exists pg_stat_statements");
    }
  }

  void vacuum(String name) throws Exception {
    try (Connection c = postgres.getDatabase("postgres", name).getConnection(); Statement s = c.createStatement()) {
      s.execute("vacuum analyze");
    }
  }

  void checkpoint() throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("checkpoint");
    }
  }

  String setting(String name) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("show " + name)) {
      r.next();
      return r.getString(1);
    }
  }

  /** The statements run most often in one database, and those the server spent most time on. */
  void printTopStatements(String name, int limit) throws Exception {
    for (String order : List.of("calls", "total_exec_time")) {
      try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
           ResultSet r = s.executeQuery("select calls, round(total_exec_time), "
               + "left(regexp_replace(query, '\\s+', ' ', 'g'), 160) from pg_stat_statements p "
               + "join pg_database d on d.oid = p.dbid where d.datname = '" + name + "' order by " + order
               + " desc limit " + limit)) {
        System.out.printf("%nStatements in %s by %s (calls, ms):%n", name, order);
        while (r.next()) {
          System.out.printf("%8d %8d  %s%n", r.getLong(1), r.getLong(2), r.getString(3));
        }
      }
    }
  }

  /**
   * Statements executed and transactions committed in one database so far, and the write-ahead log written and
   * flushed to disk (each flush a wait for the disk) by the whole server (one path runs at a time, so its share is
   * the difference).
   */
  Map<String, Long> counters(String name) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("select (select coalesce(sum(calls), 0) from pg_stat_statements p "
             + "where p.dbid = d.oid), (select xact_commit from pg_stat_database where datname = d.datname), "
             + "(select wal_bytes::bigint from pg_stat_wal), (select wal_sync from pg_stat_wal) "
             + "from pg_database d where d.datname = '" + name + "'")) {
      r.next();
      return Map.of("statements", r.getLong(1), "transactions", r.getLong(2), "wal", r.getLong(3),
          "walFlushes", r.getLong(4));
    }
  }
}
