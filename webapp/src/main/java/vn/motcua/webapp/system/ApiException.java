package vn.motcua.webapp.system;

import org.springframework.http.HttpStatus;

/**
 * A refusal a person should understand: an HTTP status and a message key resolved in the caller's language
 * (messages.properties is Vietnamese, messages_en.properties English).
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String messageKey;
  private final transient Object[] arguments;

  public ApiException(HttpStatus status, String messageKey, Object... arguments) {
    super(messageKey);
    this.status = status;
    this.messageKey = messageKey;
    this.arguments = arguments;
  }

  public static ApiException notFound(String messageKey, Object... arguments) {
    return new ApiException(HttpStatus.NOT_FOUND, messageKey, arguments);
  }

  public static ApiException conflict(String messageKey, Object... arguments) {
    return new ApiException(HttpStatus.CONFLICT, messageKey, arguments);
  }

  public static ApiException badRequest(String messageKey, Object... arguments) {
    return new ApiException(HttpStatus.BAD_REQUEST, messageKey, arguments);
  }

  public static ApiException forbidden(String messageKey, Object... arguments) {
    return new ApiException(HttpStatus.FORBIDDEN, messageKey, arguments);
  }

  public static ApiException unprocessable(String messageKey, Object... arguments) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, messageKey, arguments);
  }

  public HttpStatus status() {
    return status;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments;
  }
}
