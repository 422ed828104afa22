{
  # Plain C against Node-API only, so one build loads in Node and in Electron alike.
  "targets": [
    {
      "target_name": "malloc_tuning",
      "sources": ["malloc_tuning.c"],
      "cflags": ["-std=c11", "-Wall", "-Wextra"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
