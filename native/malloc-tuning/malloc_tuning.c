// Process-wide glibc malloc tuning for the document pipeline's page buffers (see README.md).
// glibc raises its mmap threshold to the size of any large mmapped chunk that is freed, so later
// page-sized buffers come from per-thread arenas that keep the memory after free. Pinning the
// threshold with mallopt() turns that dynamic behaviour off. Other C libraries: a no-op.
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdint.h>
#include <node_api.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#define CHECK(env, call)                                      \
  do {                                                        \
    if ((call) != napi_ok) {                                  \
      napi_throw_error((env), NULL, "malloc-tuning: " #call); \
      return NULL;                                            \
    }                                                         \
  } while (0)

// setMmapThreshold(bytes: number): boolean — true when glibc accepted the value.
static napi_value SetMmapThreshold(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  int64_t bytes = -1;
  if (argc < 1 || napi_get_value_int64(env, argv[0], &bytes) != napi_ok || bytes <= 0 ||
      bytes > INT32_MAX) {
    napi_throw_range_error(env, NULL, "setMmapThreshold: bytes must be a positive 32-bit integer");
    return NULL;
  }
  bool applied = false;
#ifdef __GLIBC__
  applied = mallopt(M_MMAP_THRESHOLD, (int)bytes) == 1;
#endif
  napi_value result;
  CHECK(env, napi_get_boolean(env, applied, &result));
  return result;
}

static napi_status SetNumber(napi_env env, napi_value object, const char* name, double value) {
  napi_value number;
  napi_status status = napi_create_double(env, value, &number);
  return status == napi_ok ? napi_set_named_property(env, object, name, number) : status;
}

// stats(): { arenaBytes, mmappedBytes, mmappedChunks } over all arenas, or null without glibc.
static napi_value Stats(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value result;
#ifdef __GLIBC__
#if __GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33)
  struct mallinfo2 m = mallinfo2();
#else
  struct mallinfo m = mallinfo(); // int fields: wrap past 2 GiB, good enough for diagnostics
#endif
  CHECK(env, napi_create_object(env, &result));
  CHECK(env, SetNumber(env, result, "arenaBytes", (double)m.arena));
  CHECK(env, SetNumber(env, result, "mmappedBytes", (double)m.hblkhd));
  CHECK(env, SetNumber(env, result, "mmappedChunks", (double)m.hblks));
#else
  CHECK(env, napi_get_null(env, &result));
#endif
  return result;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor properties[] = {
      {"setMmapThreshold", NULL, SetMmapThreshold, NULL, NULL, NULL, napi_default, NULL},
      {"stats", NULL, Stats, NULL, NULL, NULL, napi_default, NULL},
  };
  CHECK(env, napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties));
  return exports;
}
