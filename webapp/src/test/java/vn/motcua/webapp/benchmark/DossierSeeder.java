package vn.motcua.webapp.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Writes a large, realistic history of dossiers straight into the read model with PostgreSQL COPY: four provinces
 * (half of it Lạng Sơn), three years, the eight procedures at their levels, ~2.5% still open (overdue, due soon,
 * paused, escalated), late ones attributed to a stage. For the board benchmark only: no engine instances.
 */
final class DossierSeeder {

  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final String COLUMNS = "receipt_code, procedure_code, procedure_name, process_definition_id, channel,"
      + " status, applicant_name, applicant_id_number, applicant_category, province_code, district_code,"
      + " commune_code, admin_structure, rule_set_version, receiving_agency, current_agency, current_stage,"
      + " current_step, current_assignee, fee_amount, submitted_by, submitted_at, received_at, deadline,"
      + " stage_deadline, paused_at, finished_at, timeliness, sector, unit_code, unit_level, unit_province,"
      + " unit_district, escalation_level, escalated_to, late_stage, late_agency, late_minutes, delay_cause,"
      + " paid_online, digitized, electronic_result, portal_synced, rating, received_month, finished_month";

  /** A receiving agency and where its dossiers count. */
  record Counter(String agency, String unitCode, String level, String province, String district, String commune,
                 double weight) {
  }

  /** A procedure at a level, with its legal time and fee. */
  record Kind(String code, String name, String sector, String level, int days, long fee) {
  }

  static final List<Kind> KINDS = List.of(
      new Kind("1.001193", "Đăng ký khai sinh", "Hộ tịch", "COMMUNE", 1, 0),
      new Kind("1.000894", "Đăng ký kết hôn", "Hộ tịch", "COMMUNE", 1, 0),
      new Kind("2.000635", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", "COMMUNE", 1, 8000),
      new Kind("2.000815", "Chứng thực bản sao từ bản chính", "Chứng thực", "COMMUNE", 1, 2000),
      new Kind("2.000720", "Đăng ký hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", "DISTRICT", 3, 100000),
      new Kind("1.009997", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Hoạt động xây dựng", "DISTRICT", 15, 75000),
      new Kind("1.004227", "Đăng ký, cấp Giấy chứng nhận lần đầu", "Đất đai", "DISTRICT", 20, 100000),
      new Kind("1.002809", "Đổi giấy phép lái xe", "Đường bộ", "PROVINCE", 5, 135000));

  /** Where dossiers are received: Lạng Sơn gets half, the three others the rest. */
  static final List<Counter> COUNTERS = List.of(
      new Counter("X06148", "06148", "COMMUNE", "20", "180", "06148", 14),
      new Counter("X06040", "06040", "COMMUNE", "20", "180", "06040", 10),
      new Counter("X06520", "06520", "COMMUNE", "20", "189", "06520", 8),
      new Counter("X06250", "06250", "COMMUNE", "20", "189", "06250", 6),
      new Counter("H180", "180", "DISTRICT", "20", "180", "06148", 5),
      new Counter("H189", "189", "DISTRICT", "20", "189", "06520", 4),
      new Counter("TTHCC20", "20", "PROVINCE", "20", null, "06148", 3),
      new Counter("X02269", "02269", "COMMUNE", "08", null, "02269", 9),
      new Counter("X02287", "02287", "COMMUNE", "08", null, "02287", 6),
      new Counter("TTHCC08", "08", "PROVINCE", "08", null, "02269", 2),
      new Counter("X13750", "13750", "COMMUNE", "36", "363", "13750", 5),
      new Counter("X13735", "13735", "COMMUNE", "36", "363", "13735", 4),
      new Counter("X13777", "13777", "COMMUNE", "36", "363", "13777", 3),
      new Counter("H363", "363", "DISTRICT", "36", "363", "13750", 2),
      new Counter("TTHCC36", "36", "PROVINCE", "36", null, "13750", 1),
      new Counter("X25459", "25459", "COMMUNE", "72", "703", "25459", 9),
      new Counter("H703", "703", "DISTRICT", "72", "703", "25459", 3),
      new Counter("TTHCC72", "72", "PROVINCE", "72", null, "25459", 2));

  private static final String[] CAUSES = {"WORKLOAD", "COORDINATION", "COMPLEXITY", "OTHER", null};
  private static final String[] STAGES = {"APPRAISE", "APPROVE", "RETURN", "TAX", "LAND_OFFICE"};

  private final Random random = new Random(20261122L);
  private final double totalWeight = COUNTERS.stream().mapToDouble(Counter::weight).sum();
  private final Instant start = LocalDate.of(2024, 1, 1).atStartOfDay(VN).toInstant();
  private final Instant now;

  DossierSeeder(Instant now) {
    this.now = now;
  }

  /** Seeds the given number of dossiers in batches of COPY; prints progress. */
  void seed(DataSource dataSource, int count) throws SQLException, IOException {
    int batch = 200_000;
    for (int from = 0; from < count; from += batch) {
      int size = Math.min(batch, count - from);
      try (Connection connection = dataSource.getConnection()) {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long rows = pg.getCopyAPI().copyIn("COPY dossier (" + COLUMNS + ") FROM STDIN (FORMAT csv)",
            new Rows(from, size));
        System.out.printf("  seeded %,d dossiers%n", from + rows);
      }
    }
  }

  /** Generates the CSV rows of a batch lazily, so two million never sit in memory. */
  private final class Rows extends Reader {
    private final int first;
    private final int size;
    private int next;
    private String pending = "";
    private int offset;

    Rows(int first, int size) {
      this.first = first;
      this.size = size;
    }

    @Override
    public int read(char[] buffer, int off, int len) {
      if (offset >= pending.length()) {
        if (next >= size) {
          return -1;
        }
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 500 && next < size; i++, next++) {
          rows.append(row(first + next)).append('\n');
        }
        pending = rows.toString();
        offset = 0;
      }
      int n = Math.min(len, pending.length() - offset);
      pending.getChars(offset, offset + n, buffer, off);
      offset += n;
      return n;
    }

    @Override
    public void close() {
      // nothing held
    }
  }

  private Counter counter() {
    double pick = random.nextDouble() * totalWeight;
    for (Counter c : COUNTERS) {
      pick -= c.weight();
      if (pick <= 0) {
        return c;
      }
    }
    return COUNTERS.get(0);
  }

  private Kind kind(String level) {
    List<Kind> kinds = KINDS.stream().filter(k -> k.level().equals(level)).toList();
    return kinds.get(random.nextInt(kinds.size()));
  }

  private String row(int n) {
    Counter c = counter();
    Kind k = kind(c.level());
    boolean open = random.nextDouble() < 0.025;
    long span = now.getEpochSecond() - start.getEpochSecond();
    Instant received = open
        ? now.minusSeconds(random.nextInt(45 * 86_400))
        : start.plusSeconds((long) (random.nextDouble() * (span - 60L * 86_400)));
    Instant deadline = received.plusSeconds((long) Math.max(1, k.days()) * 86_400 * 7 / 5);
    boolean online = random.nextDouble() < 0.58;
    String status;
    Instant finished = null;
    String timeliness = null;
    Instant paused = null;
    int escalation = 0;
    String lateStage = null;
    String lateAgency = null;
    Integer lateMinutes = null;
    String cause = null;
    if (open) {
      double p = random.nextDouble();
      status = p < 0.1 ? "AWAITING_SUPPLEMENT" : p < 0.13 ? "AWAITING_PAYMENT" : "IN_PROGRESS";
      if (!status.equals("IN_PROGRESS")) {
        paused = received.plusSeconds(86_400);
      }
      if (deadline.isBefore(now) && status.equals("IN_PROGRESS") && random.nextDouble() < 0.4) {
        escalation = random.nextDouble() < 0.5 ? 1 : 2;
      }
    } else {
      double p = random.nextDouble();
      status = p < 0.02 ? "WITHDRAWN" : p < 0.03 ? "STOPPED" : p < 0.06 ? "REFUSED" : "RESULT_RETURNED";
      double t = random.nextDouble();
      long spent = (long) (Math.max(1, k.days()) * 86_400 * 7 / 5 * (t < 0.45 ? random.nextDouble() * 0.8
          : t < 0.96 ? 0.8 + random.nextDouble() * 0.2 : 1.05 + random.nextDouble() * 0.6));
      finished = received.plusSeconds(spent);
      if (status.equals("RESULT_RETURNED") || status.equals("REFUSED")) {
        timeliness = t < 0.45 ? "EARLY" : t < 0.96 ? "ON_TIME" : "LATE";
        if (timeliness.equals("LATE")) {
          lateStage = STAGES[random.nextInt(k.level().equals("COMMUNE") ? 3 : STAGES.length)];
          lateAgency = c.agency();
          lateMinutes = 60 + random.nextInt(4 * 480);
          cause = CAUSES[random.nextInt(CAUSES.length)];
        }
      }
    }
    boolean fee = k.fee() > 0;
    String code = c.agency() + "-" + n;
    StringBuilder csv = new StringBuilder(400);
    add(csv, code).add(csv, k.code()).add(csv, k.name()).add(csv, "seeded:" + k.code())
        .add(csv, online ? "ONLINE" : "COUNTER").add(csv, status).add(csv, "Người nộp " + n)
        .add(csv, String.format("%012d", n)).add(csv, "CITIZEN").add(csv, c.province()).add(csv, c.district())
        .add(csv, c.commune()).add(csv, c.district() == null ? "TWO_LEVEL" : "THREE_LEVEL").add(csv, "2025")
        .add(csv, c.agency()).add(csv, open ? c.agency() : null).add(csv, open ? "APPRAISE" : null)
        .add(csv, open ? "Thẩm định hồ sơ" : null)
        .add(csv, open && random.nextBoolean() ? "canbo" + random.nextInt(5) + "." + c.agency().toLowerCase() : null)
        .add(csv, k.fee()).add(csv, online ? "citizen" : "counter").add(csv, received.minusSeconds(600))
        .add(csv, received).add(csv, deadline).add(csv, open ? deadline : null).add(csv, paused).add(csv, finished)
        .add(csv, timeliness).add(csv, k.sector()).add(csv, c.unitCode()).add(csv, c.level()).add(csv, c.province())
        .add(csv, c.district()).add(csv, escalation)
        .add(csv, escalation == 0 ? null : escalation == 1 ? c.agency() + ".leader" : "T" + c.province()
            + ".supervision")
        .add(csv, lateStage).add(csv, lateAgency).add(csv, lateMinutes).add(csv, cause)
        .add(csv, fee ? online && random.nextDouble() < 0.6 : null).add(csv, online || random.nextDouble() < 0.7)
        .add(csv, finished != null && random.nextDouble() < 0.8).add(csv, random.nextDouble() < 0.9)
        .add(csv, finished != null && random.nextDouble() < 0.3 ? 3 + random.nextInt(3) : null)
        .add(csv, month(received)).add(csv, finished == null ? null : month(finished));
    csv.setLength(csv.length() - 1);
    return csv.toString();
  }

  private DossierSeeder add(StringBuilder csv, Object value) {
    if (value instanceof Instant instant) {
      csv.append(instant);
    } else if (value instanceof String text) {
      csv.append('"').append(text.replace("\"", "\"\"")).append('"');
    } else if (value != null) {
      csv.append(value);
    }
    csv.append(',');
    return this;
  }

  private static int month(Instant instant) {
    ZonedDateTime local = instant.atZone(VN);
    return local.getYear() * 100 + local.getMonthValue();
  }
}
