package cloud.reencrypt.server;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An error answered by Huawei Cloud's API gateway rather than by the service behind it. Unlike
 * KMS's nested errors it is flat: {@code {"error_msg": ..., "error_code": "APIGW.0301",
 * "request_id": ...}}, in that order (written with KMS's snake_case names).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GatewayError(String errorMsg, String errorCode, String requestId) {}
