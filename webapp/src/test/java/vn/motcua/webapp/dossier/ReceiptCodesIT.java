package vn.motcua.webapp.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.webapp.Api;
import vn.motcua.webapp.PostgresIntegrationTest;

/** Receipt codes stay unique when many submissions arrive at the same counter at once (PostgreSQL). */
class ReceiptCodesIT extends PostgresIntegrationTest {

  @Autowired
  private ReceiptCodes receiptCodes;

  @Test
  void shouldHandOutEveryNumberExactlyOnceWhenManyThreadsAskAtOnce() throws Exception {
    // given: a fresh day, so the first threads race to create the day's counter
    LocalDate day = LocalDate.of(2030, 1, 2);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<String>> calls = new ArrayList<>();
    IntStream.range(0, 200).forEach(i -> calls.add(() -> receiptCodes.next("H180", day)));

    // when
    List<String> codes = new ArrayList<>();
    for (Future<String> code : pool.invokeAll(calls)) {
      codes.add(code.get());
    }
    pool.shutdown();

    // then
    assertThat(codes).doesNotHaveDuplicates().hasSize(200)
        .allMatch(code -> code.matches("H180-300102-\\d{4}"));
    assertThat(codes.stream().map(c -> Integer.parseInt(c.substring(c.lastIndexOf('-') + 1))).sorted().toList())
        .isEqualTo(IntStream.rangeClosed(1, 200).boxed().toList());
  }

  @Test
  void shouldGiveDistinctReceiptCodesToConcurrentOnlineSubmissions() throws Exception {
    // given
    Api api = new Api(rest);
    Map<String, Object> request = new HashMap<>();
    request.put("procedureCode", "2.000635");
    request.put("communeCode", "06148");
    request.put("applicant", Map.of("fullName", "Lý Thị Cúc", "idNumber", "020190009999"));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Callable<String>> calls = new ArrayList<>();
    IntStream.range(0, 24).forEach(i -> calls.add(() -> (String) api.submit("citizen", request).get("receiptCode")));

    // when
    List<String> codes = new ArrayList<>();
    for (Future<String> code : pool.invokeAll(calls)) {
      codes.add(code.get());
    }
    pool.shutdown();

    // then: every submission got its own code and its own dossier
    assertThat(codes).hasSize(24).doesNotHaveDuplicates().allMatch(code -> code.startsWith("X06148-"));
    codes.forEach(code -> assertThat(api.dossier("citizen", code)).containsEntry("receiptCode", code));
  }
}
