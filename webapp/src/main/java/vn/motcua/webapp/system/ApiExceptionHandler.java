package vn.motcua.webapp.system;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of the motcua API into an RFC 7807 problem with a message in the caller's language.
 * Validation problems list each field. Internal errors are logged, never shown.
 */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final MessageSource messages;

  ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(ApiException.class)
  ProblemDetail api(ApiException e) {
    return problem(e.status(), e.messageKey(), e.arguments());
  }

  @ExceptionHandler(FieldErrors.class)
  ProblemDetail fields(FieldErrors e) {
    return fieldProblem(e.errors());
  }

  @ExceptionHandler(RuleViolation.class)
  ProblemDetail stepRules(RuleViolation e) {
    return fieldProblem(e.errors());
  }

  private ProblemDetail fieldProblem(List<FieldErrors.FieldError> errors) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.validation");
    problem.setProperty("errors", errors.stream()
        .map(error -> Map.of("field", error.field(), "message", text(error.messageKey(), error.arguments())))
        .toList());
    return problem;
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.validation");
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> Map.of("field", error.getField(),
            "message", messages.getMessage(error, locale())))
        .toList();
    problem.setProperty("errors", errors);
    return problem;
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ProblemDetail invalidParameters(HandlerMethodValidationException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.validation");
    problem.setProperty("errors", e.getAllErrors().stream()
        .map(error -> Map.of("message", messages.getMessage(error, locale()))).toList());
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return problem(HttpStatus.BAD_REQUEST, "error.unreadable");
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
  ProblemDetail badParameter(Exception e) {
    return problem(HttpStatus.BAD_REQUEST, "error.parameter");
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "error.upload.tooLarge");
  }

  @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
  ProblemDetail missingPart(Exception e) {
    return problem(HttpStatus.BAD_REQUEST, "error.upload.part");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail method(HttpRequestMethodNotSupportedException e) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, "error.method");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail noResource(NoResourceFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "error.noResource");
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail denied(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "error.forbidden");
  }

  @ExceptionHandler({TaskAlreadyClaimedException.class, OptimisticLockingException.class,
      OptimisticLockingFailureException.class})
  ProblemDetail concurrent(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "error.concurrentChange");
  }

  @ExceptionHandler(ProcessEngineException.class)
  ProblemDetail engine(ProcessEngineException e) {
    LOG.error("Engine refused a request", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.engine");
  }

  private ProblemDetail problem(HttpStatus status, String key, Object... arguments) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(key, arguments));
    problem.setTitle(status.getReasonPhrase());
    problem.setProperty("code", key);
    return problem;
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, key, locale());
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
