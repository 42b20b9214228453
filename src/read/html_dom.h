// A compact, read-only DOM built from myhtml's parse tree. Nodes sit in a
// vector in document order; a node's subtree is the index range
// [index, end), so passes over the tree are loops, never recursion, and a
// page nested 100,000 levels deep cannot overflow the stack.
#ifndef DATELINE_READ_HTML_DOM_H_
#define DATELINE_READ_HTML_DOM_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline::read {

struct DomNode {
  std::string tag;   // lower-case element name; "#text" for text nodes
  std::string text;  // text nodes only (entities decoded)
  std::vector<std::pair<std::string, std::string>> attrs;  // lower-case keys
  int parent = -1;
  int end = 0;  // one past the last node of the subtree

  bool is_text() const { return tag == "#text"; }
  // The attribute's value, or "" when absent.
  std::string_view Attr(std::string_view key) const;
  bool HasAttr(std::string_view key) const;
};

struct Dom {
  std::vector<DomNode> nodes;  // nodes[0] is the document
  int head = -1;
  int body = -1;
};

// Parses UTF-8 HTML. Never fails: markup errors are repaired the way
// browsers do. Thread-safe (each thread keeps its own parser).
Dom ParseHtml(std::string_view html);

// The text of a subtree with whitespace collapsed (no block structure).
std::string SubtreeText(const Dom& dom, int node);

}  // namespace dateline::read

#endif  // DATELINE_READ_HTML_DOM_H_
