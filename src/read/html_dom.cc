#include "read/html_dom.h"

#include <myhtml/api.h>

#include <memory>

namespace dateline::read {
namespace {

// One myhtml instance per thread: myhtml_t is not safe to share while
// parsing, and building it costs more than parsing a small page.
struct MyHtml {
  myhtml_t* handle = nullptr;
  MyHtml() {
    handle = myhtml_create();
    if (myhtml_init(handle, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK) {
      myhtml_destroy(handle);
      handle = nullptr;
    }
  }
  ~MyHtml() {
    if (handle) myhtml_destroy(handle);
  }
};

myhtml_t* ThreadParser() {
  thread_local MyHtml parser;
  return parser.handle;
}

void Lower(std::string& s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
}

// Copies the myhtml tree under `root` into `dom`, in document order, without
// recursion.
void Copy(myhtml_tree_t* tree, myhtml_tree_node_t* root, Dom& dom) {
  std::vector<std::pair<myhtml_tree_node_t*, int>> stack;  // (node, parent index)
  for (myhtml_tree_node_t* c = myhtml_node_last_child(root); c; c = myhtml_node_prev(c)) {
    stack.push_back({c, 0});
  }
  std::vector<int> open;  // indices whose `end` is set when their subtree is done
  while (!stack.empty()) {
    auto [node, parent] = stack.back();
    stack.pop_back();
    myhtml_tag_id_t id = myhtml_node_tag_id(node);
    if (id == MyHTML_TAG__COMMENT || id == MyHTML_TAG__DOCTYPE) continue;
    int index = static_cast<int>(dom.nodes.size());
    dom.nodes.emplace_back();
    DomNode& n = dom.nodes.back();
    n.parent = parent;
    if (id == MyHTML_TAG__TEXT) {
      n.tag = "#text";
      size_t len = 0;
      const char* text = myhtml_node_text(node, &len);
      if (text) n.text.assign(text, len);
      continue;
    }
    size_t len = 0;
    const char* name = myhtml_tag_name_by_id(tree, id, &len);
    if (name) n.tag.assign(name, len);
    Lower(n.tag);
    for (myhtml_tree_attr_t* a = myhtml_node_attribute_first(node); a;
         a = myhtml_attribute_next(a)) {
      size_t klen = 0, vlen = 0;
      const char* k = myhtml_attribute_key(a, &klen);
      const char* v = myhtml_attribute_value(a, &vlen);
      std::string key = k ? std::string(k, klen) : std::string();
      Lower(key);
      n.attrs.emplace_back(std::move(key), v ? std::string(v, vlen) : std::string());
    }
    if (n.tag == "head" && dom.head < 0) dom.head = index;
    if (n.tag == "body" && dom.body < 0) dom.body = index;
    for (myhtml_tree_node_t* c = myhtml_node_last_child(node); c; c = myhtml_node_prev(c)) {
      stack.push_back({c, index});
    }
  }
  // Subtree ends: a node's subtree ends where the next node that is not its
  // descendant starts. Children follow their parent, so a reverse pass works.
  const int n = static_cast<int>(dom.nodes.size());
  for (int i = 0; i < n; ++i) dom.nodes[i].end = i + 1;
  for (int i = n - 1; i > 0; --i) {
    int p = dom.nodes[i].parent;
    if (p >= 0 && dom.nodes[i].end > dom.nodes[p].end) dom.nodes[p].end = dom.nodes[i].end;
  }
}

}  // namespace

std::string_view DomNode::Attr(std::string_view key) const {
  for (const auto& [k, v] : attrs) {
    if (k == key) return v;
  }
  return {};
}

bool DomNode::HasAttr(std::string_view key) const {
  for (const auto& kv : attrs) {
    if (kv.first == key) return true;
  }
  return false;
}

Dom ParseHtml(std::string_view html) {
  Dom dom;
  dom.nodes.emplace_back();
  dom.nodes[0].tag = "#document";
  myhtml_t* parser = ThreadParser();
  if (parser == nullptr) return dom;
  myhtml_tree_t* tree = myhtml_tree_create();
  if (myhtml_tree_init(tree, parser) != MyHTML_STATUS_OK) {
    myhtml_tree_destroy(tree);
    return dom;
  }
  if (myhtml_parse(tree, MyENCODING_UTF_8, html.data(), html.size()) == MyHTML_STATUS_OK) {
    Copy(tree, myhtml_tree_get_document(tree), dom);
  }
  myhtml_tree_destroy(tree);
  dom.nodes[0].end = static_cast<int>(dom.nodes.size());
  return dom;
}

std::string SubtreeText(const Dom& dom, int node) {
  std::string out;
  bool space = false;
  for (int i = node; i < dom.nodes[node].end; ++i) {
    const DomNode& n = dom.nodes[i];
    if (n.tag == "script" || n.tag == "style") {
      i = n.end - 1;
      continue;
    }
    if (!n.is_text()) continue;
    for (char c : n.text) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        space = !out.empty();
      } else {
        if (space) out += ' ';
        space = false;
        out += c;
      }
    }
  }
  return out;
}

}  // namespace dateline::read
