package cloud.reencrypt.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An error answered by Huawei Cloud's API gateway rather than by the service behind it. Unlike
 * KMS's nested errors it is flat: {@code {"error_msg": ..., "error_code": "APIGW.0301",
 * "request_id": ...}}.
 */
@JsonPropertyOrder({"error_msg", "error_code", "request_id"})
public record GatewayError(
    @JsonProperty("error_msg") String errorMsg,
    @JsonProperty("error_code") String errorCode,
    @JsonProperty("request_id") String requestId) {}
