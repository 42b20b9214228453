// The web page's files, compiled into the binary (cmake/EmbedWeb.cmake):
// the server opens no file to serve them, and the page needs no network.
#ifndef DATELINE_SERVER_ASSETS_H_
#define DATELINE_SERVER_ASSETS_H_

#include <string_view>

namespace dateline::server {

struct Asset {
  std::string_view path;          // "/", "/app.js", "/vendor/vis-timeline-graph2d.min.js"
  std::string_view content_type;  // "text/html; charset=utf-8"
  std::string_view data;
};

// The asset served at `path`, or null.
const Asset* FindAsset(std::string_view path);

}  // namespace dateline::server

#endif  // DATELINE_SERVER_ASSETS_H_
