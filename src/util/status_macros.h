// Propagation of a failed Status inside the library, as LevelDB and
// SentencePiece spell it out by hand; internal, never in public headers.
#ifndef DATELINE_UTIL_STATUS_MACROS_H_
#define DATELINE_UTIL_STATUS_MACROS_H_

#include "dateline/status.h"

#define DL_STATUS_CONCAT_INNER(a, b) a##b
#define DL_STATUS_CONCAT(a, b) DL_STATUS_CONCAT_INNER(a, b)

// Returns the Status of `expr` from the calling function when it failed.
#define DL_RETURN_IF_ERROR(expr)                  \
  do {                                            \
    const ::dateline::Status dl_status_ = (expr); \
    if (!dl_status_.ok()) return dl_status_;      \
  } while (0)

// `lhs = *expr` for a StatusOr `expr`, or returns its Status when it failed.
#define DL_ASSIGN_OR_RETURN(lhs, expr) \
  DL_ASSIGN_OR_RETURN_IMPL(DL_STATUS_CONCAT(dl_status_or_, __LINE__), lhs, expr)
#define DL_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()

#endif  // DATELINE_UTIL_STATUS_MACROS_H_
