package cloud.reencrypt.fgs.local.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.mapping.JsonMapping;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the follow driver reads from a handler's result: redelivery reasons and one-line outcomes.
 */
class HandlerResultsTest {
  private static JsonNode json(String text) {
    return JsonMapping.read(JsonMapping.reader(JsonNode.class), text);
  }

  @Test
  void temporaryFailure_secondRecordTemporary_namesItsObjectAndReason() {
    JsonNode result =
        json(
            "{\"records\":[{\"bucket\":\"b\",\"key\":\"k1\",\"status\":\"failed\"},"
                + "{\"bucket\":\"b\",\"key\":\"k2\",\"status\":\"failed\",\"temporary\":true,"
                + "\"reason\":\"KMS.0104\"}]}");

    assertEquals(
        Optional.of("b/k2 failed temporarily: KMS.0104"), HandlerResults.temporaryFailure(result));
  }

  @Test
  void temporaryFailure_noneTemporaryOrNoRecords_isEmpty() {
    assertEquals(
        Optional.empty(),
        HandlerResults.temporaryFailure(json("{\"records\":[{\"status\":\"failed\"}]}")));
    assertEquals(Optional.empty(), HandlerResults.temporaryFailure(json("{\"statusCode\":200}")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"records\":[{\"status\":\"processed\"}]}|processed",
        "{\"records\":[{\"status\":\"skipped\",\"reason\":\"done\"}]}|skipped (done)",
        "{\"records\":[{},{}],\"processed\":1,\"skipped\":0,\"failed\":1}|1 processed, 0 skipped, 1 failed",
        "{\"statusCode\":404}|statusCode 404"
      })
  void outcome_eachKindOfResult_inAFewWords(String result, String expected) {
    assertEquals(expected, HandlerResults.outcome(json(result)));
  }
}
