package vn.motcua.workers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where applicants' notifications go: an SMTP server for e-mail and an SMS gateway's HTTP API. The defaults are the
 * simulators of a development run.
 */
@ConfigurationProperties("motcua.notifications")
public record NotificationSettings(
    @DefaultValue("localhost") String smtpHost,
    @DefaultValue("3025") int smtpPort,
    @DefaultValue("") String smtpUsername,
    @DefaultValue("") String smtpPassword,
    @DefaultValue("Bộ phận Một cửa <motcua@motcua.local>") String from,
    @DefaultValue("http://localhost:8091") String smsUrl,
    @DefaultValue("") String smsApiKey,
    /** Unicode SMS cost twice as much and most Vietnamese brand-name SMS are sent without diacritics. */
    @DefaultValue("false") boolean smsUnicode,
    @DefaultValue("5000") int timeoutMillis,
    @DefaultValue("Asia/Ho_Chi_Minh") String zone) {
}
