package vn.motcua.workers;

/** motcua's API as the runtime connects it when the workers start. */
public final class MotcuaApiAccess {

  private MotcuaApiAccess() {
  }

  public static MotcuaApi connected(String engineUrl) {
    MotcuaApi api = new MotcuaApi();
    api.connect(engineUrl, "motcua-worker", "secret");
    return api;
  }
}
