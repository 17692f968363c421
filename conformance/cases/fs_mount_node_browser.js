// mountNodeFS in a browser page: an Error saying it needs Node (a browser's
// file system here is in memory only).
// hosts: chromium
// expect-error: Error
// expect-message: mountNodeFS needs Node
py.mountNodeFS("/mnt/x", "/tmp");
