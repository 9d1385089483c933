package vn.motcua.workers;

/** Settings whose every system is at one URL: a handler test talks to one simulator. */
public final class SystemsAt {

  private SystemsAt() {
  }

  public static SystemsSettings url(String url, int timeoutMillis) {
    return new SystemsSettings(url, "", url, "", url, "", url, "", "test-secret", url, "", url, "", timeoutMillis);
  }
}
