// dateline._dateline: the Python binding, a thin layer over the library.
//
// It translates and nothing more: Python values in (str, bytes, dates,
// keyword options) to the library's options, the library's results out to
// Python objects, dateline::Status to exceptions (once, in RaiseStatus and
// ErrorFor). Every decision about a document is the pipeline's
// (pipeline.h); JSON comes from the library's writers (output.h,
// timeline.h), so to_dict() equals what the command prints.
//
// The interpreter lock is released whenever C++ works on a document, a batch
// or a store; objects handed to C++ are pinned (referenced) before it is
// released. Documents keep the library's AnnotatedDocument and build their
// Python views (text, expressions, sentences) on first access.
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dateline/corpus.h"
#include "dateline/corpus_partition.h"
#include "dateline/distributed_timeline.h"
#include "dateline/ingest.h"
#include "dateline/output.h"
#include "dateline/pipeline.h"
#include "dateline/record.h"
#include "dateline/status.h"
#include "dateline/timeline.h"
#include "dateline/version.h"

namespace py = pybind11;

namespace dateline::python {
namespace {

// ---------------------------------------------------------------------------
// Errors: one Python class per Status code, mapped here and nowhere else.

struct ErrorClasses {
  py::object input, not_found, store, internal;
};
ErrorClasses* errors = nullptr;  // set at import, lives as long as the module

py::object ClassFor(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
      return py::reinterpret_borrow<py::object>(PyExc_ValueError);
    case StatusCode::kInvalidInput:
    case StatusCode::kTooLarge:
    case StatusCode::kUnsupported:
      return errors->input;
    case StatusCode::kNotFound:
      return errors->not_found;
    case StatusCode::kIoError:
    case StatusCode::kCorruption:
      return errors->store;
    case StatusCode::kOk:
    case StatusCode::kInternal:
      break;
  }
  return errors->internal;
}

// The exception for a failed Status, not raised: its message is the
// Status's, `code` the code's name ("invalid input"), `source` the input it
// names (when known).
py::object ErrorFor(const Status& status, const std::string& source = "") {
  py::object error = ClassFor(status.code())(status.message());
  error.attr("code") = std::string(StatusCodeName(status.code()));
  error.attr("source") = source.empty() ? py::object(py::none()) : py::str(source);
  return error;
}

// Thrown by the binding's C++ code, turned into ErrorFor(status, source) by
// the translator registered at import.
struct StatusException {
  Status status;
  std::string source;
};

[[noreturn]] void RaiseStatus(const Status& status, const std::string& source = "") {
  throw StatusException{status, source};
}
[[noreturn]] void RaiseArgument(const std::string& message) {
  RaiseStatus(Status::InvalidArgument(message));
}

template <typename T>
T ValueOrRaise(StatusOr<T> result) {
  if (!result.ok()) RaiseStatus(result.status());
  return std::move(result).value();
}

// ---------------------------------------------------------------------------
// Values.

// A module attribute (datetime.date, json.loads) looked up once and kept for
// the life of the process.
py::handle Lookup(const char* module, const char* name) {
  return py::object(py::module_::import(module).attr(name)).release();
}

py::object DateObject(const CivilDate& d) {
  static py::handle date = Lookup("datetime", "date");
  return date(d.year, d.month, d.day);
}

// A DCT or publication date: datetime.date for a day, datetime.datetime
// when the time of day is known.
py::object DayTimeObject(const std::optional<DayTime>& t) {
  if (!t) return py::none();
  if (!t->has_time()) return DateObject(t->date);
  static py::handle datetime = Lookup("datetime", "datetime");
  return datetime(t->date.year, t->date.month, t->date.day, t->hour, t->minute,
                  t->second < 0 ? 0 : t->second);
}

py::object DateOrNone(const std::optional<CivilDate>& d) {
  return d ? DateObject(*d) : py::object(py::none());
}

py::object StrOrNone(const std::string& s) {
  return s.empty() ? py::object(py::none()) : py::str(s);
}

// A DCT from Python: None, "YYYY-MM-DD[THH:MM[:SS]]", a datetime.date or a
// datetime.datetime (its wall-clock fields; a zone is ignored, as a
// record's `time` zone is).
std::optional<DayTime> ToDayTime(const py::object& value, const char* what) {
  if (value.is_none()) return std::nullopt;
  if (py::isinstance<py::str>(value)) {
    const std::string text = value.cast<std::string>();
    if (auto t = ParseDayTime(text)) return t;
    RaiseArgument(std::string(what) + ": '" + text + "' is not YYYY-MM-DD[THH:MM[:SS]]");
  }
  static py::handle date_type = Lookup("datetime", "date");
  static py::handle datetime_type = Lookup("datetime", "datetime");
  if (!py::isinstance(value, date_type)) {
    throw py::type_error(std::string(what) +
                         ": expected a str, datetime.date or datetime.datetime, got " +
                         py::str(py::type::of(value).attr("__name__")).cast<std::string>());
  }
  DayTime t;
  t.date = CivilDate{value.attr("year").cast<int>(), value.attr("month").cast<int>(),
                     value.attr("day").cast<int>()};
  if (py::isinstance(value, datetime_type)) {
    t.hour = value.attr("hour").cast<int>();
    t.minute = value.attr("minute").cast<int>();
    t.second = value.attr("second").cast<int>();
  }
  return t;
}

std::optional<CivilDate> ToCivilDate(const py::object& value, const char* what) {
  std::optional<DayTime> t = ToDayTime(value, what);
  if (!t) return std::nullopt;
  if (t->has_time()) RaiseArgument(std::string(what) + ": a day is expected, not a time");
  return t->date;
}

AnchorMode ToMode(const std::string& mode) {
  if (mode == "news") return AnchorMode::kNews;
  if (mode == "narratives") return AnchorMode::kNarratives;
  RaiseArgument("mode: '" + mode + "' is not 'news' or 'narratives'");
}

// A language option: None, "" and "auto" decide; anything else must be a
// pack's code (checked by the pipeline, which names the known ones).
std::string ToLanguage(const std::optional<std::string>& lang) {
  return lang && *lang != "auto" ? *lang : std::string();
}

// ---------------------------------------------------------------------------
// Python views of the library's results.

// An annotated document, shared by its expressions and sentences.
struct DocumentData {
  AnnotatedDocument doc;
  std::string source;
};
using DocumentPtr = std::shared_ptr<const DocumentData>;

class Expression {
 public:
  Expression(DocumentPtr doc, size_t index) : doc_(std::move(doc)), index_(index) {}
  const TimeExpression& e() const { return doc_->doc.expressions[index_]; }
  size_t start() const { return e().cp_begin; }
  size_t end() const { return e().cp_end; }
  py::str text() const {
    const TimeExpression& x = e();
    return py::str(doc_->doc.text.data() + x.begin, x.end - x.begin);
  }
  std::string_view type() const { return TimexTypeName(e().type); }
  const std::string& value() const { return e().value; }
  py::object mod() const { return StrOrNone(e().mod); }
  py::object quant() const { return StrOrNone(e().quant); }
  py::object freq() const { return StrOrNone(e().freq); }
  size_t byte_start() const { return e().begin; }
  size_t byte_end() const { return e().end; }
  // The object `dateline tag --format jsonl` prints for it, without `source`.
  py::dict ToDict() const {
    py::dict d;
    d["begin"] = start();
    d["end"] = end();
    d["text"] = text();
    d["type"] = type();
    d["value"] = value();
    if (!e().mod.empty()) d["mod"] = e().mod;
    if (!e().quant.empty()) d["quant"] = e().quant;
    if (!e().freq.empty()) d["freq"] = e().freq;
    return d;
  }
  std::string Repr() const {
    return "<TimeExpression " + std::string(type()) + " " + value() + " [" +
           std::to_string(start()) + ":" + std::to_string(end()) + "] " +
           py::repr(text()).cast<std::string>() + ">";
  }

 private:
  DocumentPtr doc_;
  size_t index_;
};

// TimeExpression objects are made by the thousand (a document of news has
// dozens), so they are a plain CPython type holding an Expression rather
// than a pybind11 class, whose instances cost several times more to create
// (measured: 1,600 instructions each, a third of the binding's overhead on
// French news).
struct ExpressionObject {
  PyObject_HEAD;
  Expression expression;
};

PyTypeObject* expression_type = nullptr;  // made at import

PyObject* NewExpression(const DocumentPtr& doc, size_t index) {
  ExpressionObject* self = PyObject_New(ExpressionObject, expression_type);
  if (self == nullptr) throw py::error_already_set();
  new (&self->expression) Expression(doc, index);
  return reinterpret_cast<PyObject*>(self);
}

const Expression& Of(PyObject* self) {
  return reinterpret_cast<ExpressionObject*>(self)->expression;
}

void DeallocExpression(PyObject* self) {
  reinterpret_cast<ExpressionObject*>(self)->expression.~Expression();
  PyObject_Free(self);
}

// Runs `fn` (which returns a py::object) for a CPython slot: a C++ or
// Python exception becomes the Python error and nullptr.
template <typename Fn>
PyObject* Slot(Fn&& fn) {
  try {
    return fn().release().ptr();
  } catch (py::error_already_set& e) {
    e.restore();
  } catch (const std::exception& e) {
    PyErr_SetString(PyExc_RuntimeError, e.what());
  }
  return nullptr;
}

PyGetSetDef kExpressionGetters[] = {
    {"start", [](PyObject* o, void*) { return Slot([&] { return py::int_(Of(o).start()); }); },
     nullptr, "where the expression starts in the text, in code points", nullptr},
    {"end", [](PyObject* o, void*) { return Slot([&] { return py::int_(Of(o).end()); }); }, nullptr,
     "where it ends (exclusive), in code points", nullptr},
    {"text", [](PyObject* o, void*) { return Slot([&] { return py::object(Of(o).text()); }); },
     nullptr, "the expression as written: text[start:end]", nullptr},
    {"type",
     [](PyObject* o, void*) { return Slot([&] { return py::object(py::str(Of(o).type())); }); },
     nullptr, "DATE, TIME, DURATION or SET", nullptr},
    {"value",
     [](PyObject* o, void*) { return Slot([&] { return py::object(py::str(Of(o).value())); }); },
     nullptr, "the TIMEX3 value (2023-02-25, P3D, XXXX-WXX-6, PRESENT_REF...)", nullptr},
    {"mod", [](PyObject* o, void*) { return Slot([&] { return Of(o).mod(); }); }, nullptr,
     "the TIMEX3 mod (START, APPROX...) or None", nullptr},
    {"quant", [](PyObject* o, void*) { return Slot([&] { return Of(o).quant(); }); }, nullptr,
     "EVERY, EACH or None (sets)", nullptr},
    {"freq", [](PyObject* o, void*) { return Slot([&] { return Of(o).freq(); }); }, nullptr,
     "the frequency of a set (1W) or None", nullptr},
    {"byte_start",
     [](PyObject* o, void*) { return Slot([&] { return py::int_(Of(o).byte_start()); }); }, nullptr,
     "the start in UTF-8 bytes of the text", nullptr},
    {"byte_end",
     [](PyObject* o, void*) { return Slot([&] { return py::int_(Of(o).byte_end()); }); }, nullptr,
     "the end in UTF-8 bytes of the text", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

PyMethodDef kExpressionMethods[] = {
    {"to_dict",
     [](PyObject* o, PyObject*) { return Slot([&] { return py::object(Of(o).ToDict()); }); },
     METH_NOARGS,
     "The object `dateline tag --format jsonl` prints for the expression, without `source`: "
     "begin, end (code points), text, type, value, and mod, quant, freq when present."},
    {nullptr, nullptr, 0, nullptr},
};

void MakeExpressionType(py::module_& m) {
  static PyTypeObject type = [] {
    PyTypeObject t{};  // PyVarObject_HEAD_INIT(nullptr, 0), the rest zero
    Py_SET_REFCNT(&t, 1);
    return t;
  }();
  type.tp_name = "dateline.TimeExpression";
  type.tp_basicsize = sizeof(ExpressionObject);
  type.tp_dealloc = DeallocExpression;
  type.tp_flags = Py_TPFLAGS_DEFAULT;
  type.tp_doc =
      "A temporal expression: its span in code points of the text it was found in "
      "(text[e.start:e.end] == e.text), in UTF-8 bytes, and its TIMEX3 type, value, mod, quant "
      "and freq.";
  type.tp_getset = kExpressionGetters;
  type.tp_methods = kExpressionMethods;
  type.tp_repr = [](PyObject* o) {
    return Slot([&] { return py::object(py::str(Of(o).Repr())); });
  };
  if (PyType_Ready(&type) < 0) throw py::error_already_set();
  expression_type = &type;
  m.add_object("TimeExpression", reinterpret_cast<PyObject*>(&type));
}

class SentenceView {
 public:
  SentenceView(DocumentPtr doc, size_t index) : doc_(std::move(doc)), index_(index) {}
  const Sentence& s() const { return doc_->doc.sentences[index_]; }
  size_t start() const { return s().cp_begin; }
  size_t end() const { return s().cp_end; }
  py::str text() const { return py::str(doc_->doc.text.data() + s().begin, s().end - s().begin); }
  py::object date() const {
    return s().date ? py::object(py::str(s().date->ToString())) : py::none();
  }
  bool weak_date() const { return s().weak_date; }
  bool in_title() const { return s().in_title; }
  std::string Repr() const {
    return "<Sentence " + (s().date ? s().date->ToString() : std::string("undated")) +
           (s().weak_date ? " (weak)" : "") + " [" + std::to_string(start()) + ":" +
           std::to_string(end()) + "]>";
  }

 private:
  DocumentPtr doc_;
  size_t index_;
};

struct ArticleView {
  Article article;
  std::string source;

  py::object ToDict() const {
    static py::handle loads = Lookup("json", "loads");
    return loads(ToJson());
  }
  std::string ToJson() const {
    std::string json = FormatArticle(article, ArticleFormat::kJsonl, source);
    if (!json.empty() && json.back() == '\n') json.pop_back();
    return json;
  }
};

class Document {
 public:
  explicit Document(DocumentPtr data) : data_(std::move(data)) {}
  const AnnotatedDocument& doc() const { return data_->doc; }
  const std::string& source() const { return data_->source; }

  py::str text() {
    if (!text_) text_ = py::str(doc().text);
    return *text_;
  }
  py::list expressions() {
    if (!expressions_) {
      py::list list(doc().expressions.size());
      for (size_t i = 0; i < doc().expressions.size(); ++i) {
        PyList_SET_ITEM(list.ptr(), i, NewExpression(data_, i));  // steals the reference
      }
      expressions_ = list;
    }
    return *expressions_;
  }
  py::list sentences() const {
    py::list list(doc().sentences.size());
    for (size_t i = 0; i < doc().sentences.size(); ++i) list[i] = py::cast(SentenceView(data_, i));
    return list;
  }
  // The document holds its main text once, in `text` (article.text is
  // empty after the pipeline): the article view gets it back.
  ArticleView article() const {
    ArticleView view{doc().article, source()};
    view.article.text = std::string(doc().body());
    return view;
  }
  std::string Tagged(const std::string& format) const {
    const std::optional<TagFormat> f = ParseTagFormat(format);
    if (!f) RaiseArgument("format: '" + format + "' is not inline, timeml or jsonl");
    return FormatTagged(doc().text, doc().expressions, *f, source());
  }
  std::string ToJson() const {
    std::string json = FormatDocumentJson(doc(), source());
    if (!json.empty() && json.back() == '\n') json.pop_back();
    return json;
  }
  py::object ToDict() const {
    static py::handle loads = Lookup("json", "loads");
    return loads(ToJson());
  }

 private:
  DocumentPtr data_;
  std::optional<py::str> text_;
  std::optional<py::list> expressions_;
};

py::object ToPython(StatusOr<AnnotatedDocument>&& result, const std::string& source) {
  auto data = std::make_shared<DocumentData>();
  data->doc = std::move(result).value();
  data->source = source;
  return py::cast(Document(std::move(data)));
}

// ---------------------------------------------------------------------------
// The engine: one pipeline (rules compiled once), shared by threads.

struct CallOptions {
  AnnotateOptions annotate;
  std::optional<std::string> kind;  // "sniff", "page", "text", "record"; none: by type
};

CallOptions MakeOptions(const std::optional<std::string>& lang, const py::object& dct,
                        const std::string& mode, const std::optional<std::string>& kind,
                        const std::string& url, const std::string& path, const std::string& title,
                        const std::string& content_type, bool sentences, bool tag,
                        size_t max_bytes) {
  CallOptions o;
  o.annotate.language = ToLanguage(lang);
  o.annotate.dct = ToDayTime(dct, "dct");
  o.annotate.mode = ToMode(mode);
  o.annotate.url = url;
  o.annotate.path = path;
  o.annotate.title = title;
  o.annotate.content_type = content_type;
  o.annotate.sentences = sentences;
  o.annotate.tag = tag;
  o.annotate.max_bytes = max_bytes;
  if (kind && *kind != "sniff" && *kind != "page" && *kind != "text" && *kind != "record") {
    RaiseArgument("kind: '" + *kind + "' is not sniff, page, text or record");
  }
  o.kind = kind;
  return o;
}

// One input of a batch, taken from its Python object while the lock is
// held: the bytes stay owned by `pinned` (or, for a record dict, `fields`).
struct Prepared {
  py::object pinned;
  std::string_view bytes;
  enum class Form { kInput, kRecordLine, kRecordFields } form = Form::kInput;
  RecordFields fields;
  AnnotateOptions options;
  std::string where;            // names the input in messages
  std::optional<Status> error;  // the input cannot be handed to C++
};

// The UTF-8 of a str; nullopt (and `error` set) for a str that has none (a
// lone surrogate).
std::optional<std::string_view> Utf8Of(const py::handle& s, const std::string& where,
                                       std::optional<Status>& error) {
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(s.ptr(), &size);
  if (data != nullptr) return std::string_view(data, static_cast<size_t>(size));
  py::error_already_set python_error;  // takes and clears the UnicodeEncodeError
  error = Status::InvalidInput((where.empty() ? std::string("input") : where) +
                               ": not valid Unicode text (" + python_error.what() + ")");
  return std::nullopt;
}

const char* const kRecordKeys[] = {"id", "url", "time", "title", "text", "html"};

Prepared Prepare(const py::handle& item, const CallOptions& call, const std::string& where) {
  Prepared p;
  p.options = call.annotate;
  p.where = where;
  p.pinned = py::reinterpret_borrow<py::object>(item);
  const std::string kind = call.kind.value_or("");
  if (py::isinstance<py::dict>(item)) {
    // A record: its string fields, as a JSON line's would be read.
    p.form = Prepared::Form::kRecordFields;
    std::string* slots[] = {&p.fields.id,    &p.fields.url,  &p.fields.time,
                            &p.fields.title, &p.fields.text, &p.fields.html};
    const py::dict dict = py::reinterpret_borrow<py::dict>(item);
    for (size_t k = 0; k < std::size(kRecordKeys); ++k) {
      PyObject* value = PyDict_GetItemString(dict.ptr(), kRecordKeys[k]);  // borrowed
      if (value == nullptr || !PyUnicode_Check(value)) continue;
      std::optional<std::string_view> utf8 = Utf8Of(value, where, p.error);
      if (!utf8) return p;
      slots[k]->assign(*utf8);
    }
    return p;
  }
  if (kind == "record") p.form = Prepared::Form::kRecordLine;
  if (py::isinstance<py::str>(item)) {
    std::optional<std::string_view> utf8 = Utf8Of(item, where, p.error);
    if (!utf8) return p;
    p.bytes = *utf8;
    // A str is text that Python already decoded: offsets index it.
    p.options.kind = kind == "page"    ? InputKind::kPage
                     : kind == "sniff" ? InputKind::kSniff
                                       : InputKind::kText;
  } else if (py::isinstance<py::bytes>(item) || py::isinstance<py::bytearray>(item)) {
    p.pinned = py::bytes(p.pinned);  // bytearray: an immutable copy, safe without the lock
    char* data = nullptr;
    Py_ssize_t size = 0;
    PyBytes_AsStringAndSize(p.pinned.ptr(), &data, &size);
    p.bytes = std::string_view(data, static_cast<size_t>(size));
    // Bytes are a file's content: sniffed (gzip, HTML) unless told.
    p.options.kind = kind == "page"   ? InputKind::kPage
                     : kind == "text" ? InputKind::kText
                                      : InputKind::kSniff;
  } else {
    throw py::type_error("expected str, bytes or a record dict, got " +
                         py::str(py::type::of(item).attr("__name__")).cast<std::string>());
  }
  if (p.form == Prepared::Form::kInput && p.options.path.empty()) p.options.path = where;
  return p;
}

class Engine {
 public:
  explicit Engine(const std::optional<std::string>& rules_dir) {
    StatusOr<std::unique_ptr<Pipeline>> built = Status::Internal("not built");
    {
      py::gil_scoped_release release;
      built = Pipeline::CreateFromDirectory(rules_dir.value_or(""));
    }
    pipeline_ = std::shared_ptr<const Pipeline>(ValueOrRaise(std::move(built)).release());
  }

  const Pipeline& pipeline() const { return *pipeline_; }
  std::shared_ptr<const Pipeline> shared() const { return pipeline_; }

  py::list Tag(const py::str& text, const std::optional<std::string>& lang, const py::object& dct,
               const std::string& mode) const {
    const std::string language = ToLanguage(lang);
    if (!language.empty()) ValueOrRaise(pipeline_->languages().FindTaggable(language));
    CallOptions call =
        MakeOptions(lang, dct, mode, "text", "", "", "", "", false, true, size_t{64} << 20);
    py::object doc = AnnotateOne(text, call, "");
    return doc.cast<Document&>().expressions();
  }

  ArticleView Read(const py::object& data, const std::string& url, const std::string& path,
                   const std::string& content_type, size_t max_bytes) const {
    CallOptions call = MakeOptions(std::nullopt, py::none(), "news", "page", url, path, "",
                                   content_type, false, false, max_bytes);
    py::object doc = AnnotateOne(data, call, path);
    return doc.cast<Document&>().article();
  }

  py::object Annotate(const py::object& data, const CallOptions& call) const {
    return AnnotateOne(data, call, call.annotate.path);
  }

  // The batch behind pipe(): the documents (or, with `return_errors`, the
  // exceptions of the inputs that failed) in input order. `names` name the
  // inputs (a record without an id is its name's source).
  py::list AnnotateBatch(const py::list& items,
                         const std::optional<std::vector<std::string>>& names,
                         const CallOptions& call, size_t threads, bool return_errors) const {
    const size_t n = items.size();
    if (names && names->size() != n) RaiseArgument("names: one per input is needed");
    // A bad language is the caller's mistake, not each input's.
    if (!call.annotate.language.empty()) {
      ValueOrRaise(pipeline_->languages().Find(call.annotate.language));
    }
    std::vector<Prepared> prepared;
    prepared.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      prepared.push_back(Prepare(items[i], call, names ? (*names)[i] : std::string()));
    }
    std::vector<StatusOr<AnnotatedDocument>> results;
    std::vector<std::string> sources(n);
    {
      py::gil_scoped_release release;
      results = Run(prepared, sources, threads);
    }
    py::list out(n);
    for (size_t i = 0; i < n; ++i) {
      if (results[i].ok()) {
        out[i] = ToPython(std::move(results[i]), sources[i]);
      } else if (return_errors) {
        out[i] = ErrorFor(results[i].status(), sources[i]);
      } else {
        RaiseStatus(results[i].status(), sources[i]);
      }
    }
    return out;
  }

  std::vector<std::string> Languages() const { return pipeline_->languages().TaggableCodes(); }
  void CheckLanguage(const std::string& code) const {
    ValueOrRaise(pipeline_->languages().Find(code));
  }

 private:
  py::object AnnotateOne(const py::object& data, const CallOptions& call,
                         const std::string& where) const {
    std::vector<Prepared> prepared;
    prepared.push_back(Prepare(data, call, where));
    std::vector<std::string> sources(1);
    std::vector<StatusOr<AnnotatedDocument>> results;
    {
      py::gil_scoped_release release;
      results = Run(prepared, sources, 1);
    }
    if (!results[0].ok()) RaiseStatus(results[0].status(), sources[0]);
    return ToPython(std::move(results[0]), sources[0]);
  }

  // Without the lock: makes the records (record.h), then annotates all.
  std::vector<StatusOr<AnnotatedDocument>> Run(std::vector<Prepared>& prepared,
                                               std::vector<std::string>& sources,
                                               size_t threads) const {
    std::vector<AnnotateInput> inputs(prepared.size());
    std::vector<std::optional<Status>> failed(prepared.size());
    std::vector<Record> records(prepared.size());
    for (size_t i = 0; i < prepared.size(); ++i) {
      Prepared& p = prepared[i];
      if (p.form == Prepared::Form::kInput) {
        sources[i] = p.options.path;
        inputs[i] = {p.bytes, p.options};
        failed[i] = p.error;
        continue;
      }
      const std::string where = p.where.empty() ? "record " + std::to_string(i + 1) : p.where;
      StatusOr<Record> record = Status::Internal("not made");
      if (p.error) {
        record = *p.error;
      } else if (p.form == Prepared::Form::kRecordFields) {
        record = MakeRecord(std::move(p.fields), where);
      } else {
        record = ParseRecord(p.bytes, where);
      }
      sources[i] = record.ok() && !record->id.empty() ? record->id : where;
      if (!record.ok()) {
        failed[i] = record.status();
        continue;
      }
      records[i] = std::move(record).value();
      // The record says what it is, its URL, title and DCT; the call adds
      // the rest (language, mode, what to do).
      AnnotateOptions& o = records[i].options;
      o.language = p.options.language;
      o.mode = p.options.mode;
      o.tag = p.options.tag;
      o.sentences = p.options.sentences;
      o.max_bytes = p.options.max_bytes;
      inputs[i] = {records[i].body, o};
    }
    // Inputs that already failed are not annotated: an empty text costs
    // nothing, and their failure replaces the result.
    for (size_t i = 0; i < prepared.size(); ++i) {
      if (failed[i]) inputs[i] = {std::string_view(), prepared[i].options};
    }
    std::vector<StatusOr<AnnotatedDocument>> results = pipeline_->AnnotateAll(inputs, threads);
    for (size_t i = 0; i < prepared.size(); ++i) {
      if (failed[i]) results[i] = *failed[i];
    }
    return results;
  }

  std::shared_ptr<const Pipeline> pipeline_;
};

// ---------------------------------------------------------------------------
// The corpus: a store that one Python object owns. A Corpus is not
// thread-safe, so calls take `mutex_`, always after releasing the
// interpreter lock (never the other way round: a progress callback takes
// the lock back while the mutex is held).

struct SourceView {
  std::string source, url, title;
  std::optional<CivilDate> published;
  int64_t article_id = 0;
};

SourceView ToView(const CorpusSource& s) {
  return {s.source, s.url, s.title, s.published, s.article_id};
}

struct SearchHit {
  SourceView origin;
  std::string language;
  std::vector<SourceView> copies;
};

struct IngestResult {
  IngestSummary summary;
};

class TimelineView {
 public:
  explicit TimelineView(Timeline t) : timeline_(std::move(t)) {}
  const Timeline& timeline() const { return timeline_; }
  std::string Format(const std::string& name) const {
    const std::optional<TimelineFormat> f = ParseTimelineFormat(name);
    if (!f) RaiseArgument("format: '" + name + "' is not json, md, tilse, timelinejs or html");
    return FormatTimeline(timeline_, *f);
  }
  py::object ToDict() const {
    static py::handle loads = Lookup("json", "loads");
    return loads(FormatTimeline(timeline_, TimelineFormat::kJson));
  }

 private:
  Timeline timeline_;
};

SentenceFilter MakeFilter(const std::string& query, const py::object& from, const py::object& to,
                          const std::optional<std::string>& lang) {
  SentenceFilter filter;
  filter.query = query;
  filter.from = ToCivilDate(from, "from_");
  filter.to = ToCivilDate(to, "to");
  filter.language = ToLanguage(lang);
  if (!filter.language.empty()) ValueOrRaise(LanguageRegistry::BuiltIn().Find(filter.language));
  return filter;
}

TimelineOptions MakeTimelineOptions(const std::string& query, size_t dates, size_t sentences,
                                    const py::object& from, const py::object& to,
                                    const std::optional<std::string>& lang) {
  TimelineOptions options;
  options.filter = MakeFilter(query, from, to, lang);
  options.dates = dates;
  options.sentences = sentences;
  return options;
}

py::bytes ToBytes(StatusOr<std::string> blob) { return py::bytes(ValueOrRaise(std::move(blob))); }

// The distributed timeline's three parts (corpus_partition.h,
// distributed_timeline.h); dateline.dask moves their blobs.
class PartitionHandle {
 public:
  // Reads and tags JSONL records as `dateline ingest` stores them, in
  // order; returns the problems of those skipped ("where: reason").
  std::vector<std::string> AddRecords(const Engine& engine, const std::vector<std::string>& lines,
                                      const std::vector<std::string>& wheres,
                                      const std::vector<std::string>& names,
                                      const std::optional<std::string>& lang) {
    if (wheres.size() != lines.size() || names.size() != lines.size()) {
      RaiseArgument("add_records: one where and one name per record are needed");
    }
    const std::string language = ToLanguage(lang);
    if (!language.empty()) ValueOrRaise(engine.pipeline().languages().FindTaggable(language));
    std::vector<std::string> problems;
    py::gil_scoped_release release;
    for (size_t i = 0; i < lines.size(); ++i) {
      StatusOr<CorpusDocument> doc =
          AnnotateRecordForStore(engine.pipeline(), lines[i], wheres[i], names[i], language);
      if (doc.ok()) {
        partition_.Add(std::move(doc).value());
      } else {
        problems.push_back(doc.status().message());
      }
    }
    return problems;
  }
  size_t Size() const { return partition_.size(); }
  bool Planned() const { return partition_.planned(); }
  py::bytes Digest() const {
    std::string digest;
    {
      py::gil_scoped_release release;
      digest = partition_.Digest();
    }
    return py::bytes(digest);
  }
  void ApplyPlan(const std::string& plan) {
    const Status s = partition_.ApplyPlan(plan);
    if (!s.ok()) RaiseStatus(s);
  }
  py::bytes Tallies(const std::string& query, const py::object& from, const py::object& to,
                    const std::optional<std::string>& lang) const {
    const SentenceFilter filter = MakeFilter(query, from, to, lang);
    StatusOr<std::string> tallies = Status::Internal("not run");
    {
      py::gil_scoped_release release;
      tallies = partition_.Tallies(filter);
    }
    return ToBytes(std::move(tallies));
  }
  py::bytes Sentences(const std::string& requests, const std::string& query, const py::object& from,
                      const py::object& to, const std::optional<std::string>& lang) const {
    const SentenceFilter filter = MakeFilter(query, from, to, lang);
    StatusOr<std::string> sentences = Status::Internal("not run");
    {
      py::gil_scoped_release release;
      sentences = partition_.Sentences(requests, filter);
    }
    return ToBytes(std::move(sentences));
  }

 private:
  TimelinePartition partition_;
};

class PlannerHandle {
 public:
  void AddDigest(const std::string& digest) {
    const Status s = planner_.AddDigest(digest);
    if (!s.ok()) RaiseStatus(s);
  }
  size_t Partitions() const { return planner_.partitions(); }
  py::bytes Plan(size_t index) const {
    if (index >= planner_.partitions()) {
      throw py::index_error("partition " + std::to_string(index) + " of " +
                            std::to_string(planner_.partitions()));
    }
    return py::bytes(planner_.Plan(index));
  }
  py::bytes Catalog() const { return py::bytes(planner_.Catalog()); }

 private:
  PartitionPlanner planner_;
};

class DistributedTimelineHandle {
 public:
  DistributedTimelineHandle(const std::string& catalog, const std::string& query, size_t dates,
                            size_t sentences, const py::object& from, const py::object& to,
                            const std::optional<std::string>& lang)
      : timeline_(catalog, MakeTimelineOptions(query, dates, sentences, from, to, lang)) {}
  void AddTallies(const std::string& tallies) {
    const Status s = timeline_.AddTallies(tallies);
    if (!s.ok()) RaiseStatus(s);
  }
  std::optional<TimelineView> Build() {
    StatusOr<std::optional<Timeline>> built = Status::Internal("not built");
    {
      py::gil_scoped_release release;
      built = timeline_.Build();
    }
    std::optional<Timeline> t = ValueOrRaise(std::move(built));
    if (!t) return std::nullopt;
    return TimelineView(std::move(*t));
  }
  py::bytes Requests() { return py::bytes(timeline_.Requests()); }
  void AddSentences(const std::string& sentences) {
    const Status s = timeline_.AddSentences(sentences);
    if (!s.ok()) RaiseStatus(s);
  }

 private:
  DistributedTimeline timeline_;
};

class CorpusHandle {
 public:
  CorpusHandle(const std::optional<std::string>& path, bool read_only) {
    path_ = path.value_or(Corpus::DefaultPath());
    StatusOr<std::unique_ptr<Corpus>> opened = Status::Internal("not opened");
    {
      py::gil_scoped_release release;
      opened = Corpus::Open(path_, {.read_only = read_only});
    }
    corpus_ = ValueOrRaise(std::move(opened));
  }

  const std::string& path() const { return path_; }

  void Close() {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mutex_);
    corpus_.reset();
  }

  IngestSummary Ingest(const std::vector<std::string>& sources,
                       const std::optional<std::string>& lang, const Engine* engine,
                       const std::optional<py::function>& progress, size_t batch_size) {
    IngestOptions options;
    options.language = ToLanguage(lang);
    options.batch_size = batch_size == 0 ? 1 : batch_size;
    if (engine) options.pipeline = &engine->pipeline();
    // The callback runs on this thread with the lock taken back; an
    // exception it raises is kept and raised when the ingest is over (the
    // store is never left between transactions).
    std::optional<py::error_already_set> callback_error;
    if (progress) {
      options.progress = [&](const IngestProgress& p) {
        py::gil_scoped_acquire acquire;
        if (callback_error) return;
        try {
          (*progress)(p);
        } catch (py::error_already_set& e) {
          callback_error = std::move(e);
        }
      };
    }
    StatusOr<IngestSummary> summary = Status::Internal("not run");
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mutex_);
      Corpus& corpus = Get();
      Ingester ingester(corpus, options);
      for (const std::string& s : sources) ingester.AddSource(s);
      summary = ingester.Run();
    }
    if (callback_error) throw std::move(*callback_error);
    return ValueOrRaise(std::move(summary));
  }

  std::vector<SearchHit> Search(const std::string& query, size_t limit) {
    StatusOr<std::vector<CorpusArticle>> found = Status::Internal("not run");
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mutex_);
      found = Get().Search(query, limit);
    }
    std::vector<SearchHit> hits;
    for (const CorpusArticle& a : ValueOrRaise(std::move(found))) {
      SearchHit hit{ToView(a.origin), a.language, {}};
      for (const CorpusSource& c : a.copies) hit.copies.push_back(ToView(c));
      hits.push_back(std::move(hit));
    }
    return hits;
  }

  TimelineView BuildTimelineFor(const std::string& query, size_t dates, size_t sentences,
                                const py::object& from, const py::object& to,
                                const std::optional<std::string>& lang) {
    const TimelineOptions options = MakeTimelineOptions(query, dates, sentences, from, to, lang);
    StatusOr<Timeline> timeline = Status::Internal("not built");
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mutex_);
      timeline = BuildTimeline(Get(), options);
    }
    return TimelineView(ValueOrRaise(std::move(timeline)));
  }

  size_t ArticleCount() {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mutex_);
    return Get().ArticleCount();
  }
  size_t SentenceCount() {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mutex_);
    return Get().SentenceCount();
  }

 private:
  // Called with mutex_ held.
  Corpus& Get() {
    if (!corpus_) RaiseStatus(Status::IoError(path_ + ": the corpus is closed"));
    return *corpus_;
  }

  std::string path_;
  std::mutex mutex_;
  std::unique_ptr<Corpus> corpus_;
};

}  // namespace
}  // namespace dateline::python

PYBIND11_MODULE(_dateline, m) {
  using namespace dateline;
  using namespace dateline::python;
  m.doc() = "dateline's C++ library (the `dateline` package wraps and documents it).";
  m.attr("__version__") = kVersion;

  // Errors: the classes come from the package (dateline/_errors.py), so that
  // they are plain Python classes with their docstrings.
  py::module_ classes = py::module_::import("dateline._errors");
  errors = new ErrorClasses{classes.attr("InputError"), classes.attr("NotFoundError"),
                            classes.attr("StoreError"), classes.attr("InternalError")};
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const StatusException& e) {
      py::object error = ErrorFor(e.status, e.source);
      PyErr_SetObject(ClassFor(e.status.code()).ptr(), error.ptr());
    }
  });

  MakeExpressionType(m);

  py::class_<SentenceView>(m, "Sentence",
                           "A sentence of a document: start and end in code points of "
                           "Document.text, its text, its date (a day-level TIMEX3 value: its first "
                           "day-level expression, else weakly the DCT's day), weak_date, in_title.")
      .def_property_readonly("start", &SentenceView::start)
      .def_property_readonly("end", &SentenceView::end)
      .def_property_readonly("text", &SentenceView::text)
      .def_property_readonly("date", &SentenceView::date)
      .def_property_readonly("weak_date", &SentenceView::weak_date)
      .def_property_readonly("in_title", &SentenceView::in_title)
      .def("__repr__", &SentenceView::Repr);

  py::class_<ArticleView>(m, "Article",
                          "What the reader made of a page: title, text, published and modified "
                          "(datetime.date or datetime.datetime), date_evidence, lang, url, "
                          "warnings; to_dict() is what `dateline read` prints.")
      .def_property_readonly("title", [](const ArticleView& a) { return a.article.title; })
      .def_property_readonly("text", [](const ArticleView& a) { return a.article.text; })
      .def_property_readonly(
          "published", [](const ArticleView& a) { return DayTimeObject(a.article.published); })
      .def_property_readonly("modified",
                             [](const ArticleView& a) { return DayTimeObject(a.article.modified); })
      .def_property_readonly(
          "date_evidence",
          [](const ArticleView& a) -> py::object {
            if (!a.article.published) return py::none();
            return py::str(std::string(DateEvidenceName(a.article.date_evidence)));
          })
      .def_property_readonly("lang", [](const ArticleView& a) { return StrOrNone(a.article.lang); })
      .def_property_readonly("url", [](const ArticleView& a) { return StrOrNone(a.article.url); })
      .def_property_readonly("warnings", [](const ArticleView& a) { return a.article.warnings; })
      .def_property_readonly("source", [](const ArticleView& a) { return StrOrNone(a.source); })
      .def("to_dict", &ArticleView::ToDict)
      .def("to_json", &ArticleView::ToJson)
      .def("__repr__", [](const ArticleView& a) {
        return "<Article " + py::repr(py::str(a.article.title)).cast<std::string>() + ", " +
               std::to_string(a.article.text.size()) + " bytes of text>";
      });

  py::class_<Document>(
      m, "Document",
      "An annotated document: text (the title, a blank line, the main text), title, body, language "
      "and language_source, dct and dct_source, mode, expressions, sentences, article, warnings, "
      "source. to_dict()/to_json() give the library's document JSON; tagged(format) what `dateline "
      "tag --format` prints.")
      .def_property_readonly("text", &Document::text)
      .def_property_readonly(
          "title", [](const Document& d) { return py::str(std::string(d.doc().title())); })
      .def_property_readonly("body",
                             [](const Document& d) { return py::str(std::string(d.doc().body())); })
      .def_property_readonly("language", [](const Document& d) { return d.doc().language; })
      .def_property_readonly("language_source",
                             [](const Document& d) {
                               return std::string(LanguageSourceName(d.doc().language_source));
                             })
      .def_property_readonly("dct", [](const Document& d) { return DayTimeObject(d.doc().dct); })
      .def_property_readonly(
          "dct_source",
          [](const Document& d) { return std::string(DctSourceName(d.doc().dct_source)); })
      .def_property_readonly("mode",
                             [](const Document& d) {
                               return d.doc().mode == AnchorMode::kNarratives ? "narratives"
                                                                              : "news";
                             })
      .def_property_readonly("expressions", &Document::expressions)
      .def_property_readonly("sentences", &Document::sentences)
      .def_property_readonly("article", &Document::article)
      .def_property_readonly("warnings", [](const Document& d) { return d.doc().warnings; })
      .def_property_readonly("source", [](const Document& d) { return StrOrNone(d.source()); })
      .def("tagged", &Document::Tagged, py::arg("format") = "inline")
      .def("to_dict", &Document::ToDict)
      .def("to_json", &Document::ToJson)
      .def("__repr__", [](Document& d) {
        return "<Document " + d.doc().language + ", " + std::to_string(d.doc().expressions.size()) +
               " expressions, " + std::to_string(d.doc().sentences.size()) + " sentences>";
      });

  py::class_<Engine>(m, "Engine", "The C++ engine (dateline.Engine documents it).")
      .def(py::init<const std::optional<std::string>&>(), py::arg("rules_dir") = py::none())
      .def("tag", &Engine::Tag, py::arg("text"), py::kw_only(), py::arg("lang") = "auto",
           py::arg("dct") = py::none(), py::arg("mode") = "news")
      .def("read", &Engine::Read, py::arg("data"), py::kw_only(), py::arg("url") = "",
           py::arg("path") = "", py::arg("content_type") = "",
           py::arg("max_bytes") = size_t{64} << 20)
      .def(
          "annotate",
          [](const Engine& e, const py::object& data, const std::optional<std::string>& lang,
             const py::object& dct, const std::string& mode, const std::optional<std::string>& kind,
             const std::string& url, const std::string& path, const std::string& title,
             const std::string& content_type, bool sentences, bool tag, size_t max_bytes) {
            return e.Annotate(data, MakeOptions(lang, dct, mode, kind, url, path, title,
                                                content_type, sentences, tag, max_bytes));
          },
          py::arg("data"), py::kw_only(), py::arg("lang") = py::none(), py::arg("dct") = py::none(),
          py::arg("mode") = "news", py::arg("kind") = py::none(), py::arg("url") = "",
          py::arg("path") = "", py::arg("title") = "", py::arg("content_type") = "",
          py::arg("sentences") = true, py::arg("tag") = true,
          py::arg("max_bytes") = size_t{64} << 20)
      .def(
          "_annotate_batch",
          [](const Engine& e, const py::list& items,
             const std::optional<std::vector<std::string>>& names,
             const std::optional<std::string>& lang, const py::object& dct, const std::string& mode,
             const std::optional<std::string>& kind, bool sentences, bool tag, size_t max_bytes,
             size_t n_threads, bool return_errors) {
            return e.AnnotateBatch(
                items, names,
                MakeOptions(lang, dct, mode, kind, "", "", "", "", sentences, tag, max_bytes),
                n_threads, return_errors);
          },
          py::arg("items"), py::arg("names"), py::arg("lang"), py::arg("dct"), py::arg("mode"),
          py::arg("kind"), py::arg("sentences"), py::arg("tag"), py::arg("max_bytes"),
          py::arg("n_threads"), py::arg("return_errors"))
      .def_property_readonly("languages", &Engine::Languages,
                             "The codes of the languages this engine tags, sorted (['en', 'fr']).")
      .def("check_language", &Engine::CheckLanguage, py::arg("code"),
           "Raises ValueError, naming the known ones, unless `code` is a language pack's "
           "(tagged or only read, like 'de').");

  py::class_<SourceView>(m, "Source",
                         "Where a stored article came from: source (path, record, URL), url, "
                         "title, published, article_id.")
      .def_readonly("source", &SourceView::source)
      .def_property_readonly("url", [](const SourceView& s) { return StrOrNone(s.url); })
      .def_readonly("title", &SourceView::title)
      .def_property_readonly("published",
                             [](const SourceView& s) { return DateOrNone(s.published); })
      .def_readonly("article_id", &SourceView::article_id)
      .def("__repr__", [](const SourceView& s) {
        return "<Source " + (s.url.empty() ? s.source : s.url) + ">";
      });

  py::class_<SearchHit>(m, "SearchHit",
                        "A canonical article matching a search: origin (a Source), language, "
                        "copies (its near-duplicates, Sources).")
      .def_readonly("origin", &SearchHit::origin)
      .def_readonly("language", &SearchHit::language)
      .def_readonly("copies", &SearchHit::copies)
      .def_property_readonly("title", [](const SearchHit& h) { return h.origin.title; })
      .def("__repr__", [](const SearchHit& h) {
        return "<SearchHit " + py::repr(py::str(h.origin.title)).cast<std::string>() + ", " +
               std::to_string(h.copies.size()) + " copies>";
      });

  py::class_<IngestProgress>(
      m, "IngestProgress",
      "Progress of an ingest, given to Corpus.ingest(progress=...) after each file.")
      .def_readonly("inputs_done", &IngestProgress::inputs_done)
      .def_readonly("inputs_total", &IngestProgress::inputs_total)
      .def_readonly("articles", &IngestProgress::articles)
      .def_readonly("seconds", &IngestProgress::seconds);

  py::class_<IngestSummary>(m, "IngestSummary",
                            "What an ingest did: ingested, copies, duplicates, retagged (stored "
                            "content tagged anew: the language or the rules changed), skipped, "
                            "problems (one \"path:line: reason\" per input skipped) and warnings "
                            "(inputs ingested all the same, e.g. a repeated record id).")
      .def_readonly("ingested", &IngestSummary::ingested)
      .def_readonly("copies", &IngestSummary::copies)
      .def_readonly("duplicates", &IngestSummary::duplicates)
      .def_readonly("retagged", &IngestSummary::retagged)
      .def_readonly("skipped", &IngestSummary::skipped)
      .def_readonly("problems", &IngestSummary::problems)
      .def_readonly("warnings", &IngestSummary::warnings)
      .def("__repr__", [](const IngestSummary& s) {
        return "<IngestSummary ingested=" + std::to_string(s.ingested) +
               " copies=" + std::to_string(s.copies) +
               " duplicates=" + std::to_string(s.duplicates) +
               " retagged=" + std::to_string(s.retagged) + " skipped=" + std::to_string(s.skipped) +
               ">";
      });

  py::class_<TimelineSource>(m, "TimelineSource",
                             "A source of a timeline sentence: source, url, published, title.")
      .def_readonly("source", &TimelineSource::source)
      .def_property_readonly("url", [](const TimelineSource& s) { return StrOrNone(s.url); })
      .def_property_readonly("published",
                             [](const TimelineSource& s) { return DateOrNone(s.published); })
      .def_readonly("title", &TimelineSource::title);

  py::class_<TimelineSentence>(m, "TimelineSentence",
                               "A sentence of a timeline: text, weak_date (dated by its article "
                               "only), sources (its article, then its copies).")
      .def_readonly("text", &TimelineSentence::text)
      .def_readonly("weak_date", &TimelineSentence::weak_date)
      .def_readonly("sources", &TimelineSentence::sources)
      .def("__repr__", [](const TimelineSentence& s) {
        return "<TimelineSentence " + py::repr(py::str(s.text)).cast<std::string>() + ">";
      });

  py::class_<TimelineDate>(m, "TimelineDate",
                           "A date of a timeline: date (datetime.date), score, sentences.")
      .def_property_readonly("date", [](const TimelineDate& d) { return DateObject(d.date); })
      .def_readonly("score", &TimelineDate::score)
      .def_readonly("sentences", &TimelineDate::sentences)
      .def("__repr__", [](const TimelineDate& d) {
        return "<TimelineDate " + FormatCivilDate(d.date) + ", " +
               std::to_string(d.sentences.size()) + " sentences>";
      });

  py::class_<TimelineView>(
      m, "Timeline",
      "A dated timeline: title, dates (chronological); to_json(), to_markdown(), to_tilse(), "
      "to_timelinejs(), to_html() give the bytes `dateline timeline --format ...` prints.")
      .def_property_readonly("title", [](const TimelineView& t) { return t.timeline().title; })
      .def_property_readonly("dates", [](const TimelineView& t) { return t.timeline().dates; })
      .def("format", &TimelineView::Format, py::arg("format"))
      .def("to_json", [](const TimelineView& t) { return t.Format("json"); })
      .def("to_markdown", [](const TimelineView& t) { return t.Format("md"); })
      .def("to_tilse", [](const TimelineView& t) { return t.Format("tilse"); })
      .def("to_timelinejs", [](const TimelineView& t) { return t.Format("timelinejs"); })
      .def("to_html", [](const TimelineView& t) { return t.Format("html"); })
      .def("to_dict", &TimelineView::ToDict)
      .def("__len__", [](const TimelineView& t) { return t.timeline().dates.size(); })
      .def("__repr__", [](const TimelineView& t) {
        return "<Timeline " + py::repr(py::str(t.timeline().title)).cast<std::string>() + ", " +
               std::to_string(t.timeline().dates.size()) + " dates>";
      });

  py::class_<CorpusHandle>(m, "Corpus", "The C++ store (dateline.Corpus documents it).")
      .def(py::init<const std::optional<std::string>&, bool>(), py::arg("path") = py::none(),
           py::kw_only(), py::arg("read_only") = false)
      .def_property_readonly("path", &CorpusHandle::path)
      .def("close", &CorpusHandle::Close)
      .def("ingest", &CorpusHandle::Ingest, py::arg("sources"), py::kw_only(),
           py::arg("lang") = py::none(), py::arg("engine") = nullptr,
           py::arg("progress") = py::none(), py::arg("batch_size") = 64)
      .def("search", &CorpusHandle::Search, py::arg("query"), py::arg("limit") = 20)
      .def("timeline", &CorpusHandle::BuildTimelineFor, py::kw_only(), py::arg("query") = "",
           py::arg("dates") = 10, py::arg("sentences") = 2, py::arg("from_") = py::none(),
           py::arg("to") = py::none(), py::arg("lang") = py::none())
      .def_property_readonly("article_count", &CorpusHandle::ArticleCount)
      .def_property_readonly("sentence_count", &CorpusHandle::SentenceCount);

  py::class_<PartitionHandle>(m, "TimelinePartition",
                              "Some articles of a corpus split into partitions, in memory "
                              "(dateline.dask.timeline runs the rounds).")
      .def(py::init<>())
      .def("add_records", &PartitionHandle::AddRecords, py::arg("engine"), py::arg("lines"),
           py::arg("wheres"), py::arg("names"), py::kw_only(), py::arg("lang") = py::none())
      .def("__len__", &PartitionHandle::Size)
      .def_property_readonly("planned", &PartitionHandle::Planned)
      .def("digest", &PartitionHandle::Digest)
      .def("apply_plan", &PartitionHandle::ApplyPlan, py::arg("plan"))
      .def("tallies", &PartitionHandle::Tallies, py::kw_only(), py::arg("query") = "",
           py::arg("from_") = py::none(), py::arg("to") = py::none(), py::arg("lang") = py::none())
      .def("sentences", &PartitionHandle::Sentences, py::arg("requests"), py::kw_only(),
           py::arg("query") = "", py::arg("from_") = py::none(), py::arg("to") = py::none(),
           py::arg("lang") = py::none());

  py::class_<PlannerHandle>(m, "PartitionPlanner",
                            "The store's decisions (ids, copies, boilerplate) replayed over "
                            "the partitions' digests, in partition order.")
      .def(py::init<>())
      .def("add_digest", &PlannerHandle::AddDigest, py::arg("digest"))
      .def_property_readonly("partitions", &PlannerHandle::Partitions)
      .def("plan", &PlannerHandle::Plan, py::arg("index"))
      .def("catalog", &PlannerHandle::Catalog);

  py::class_<DistributedTimelineHandle>(
      m, "DistributedTimeline",
      "The driver's side of a distributed timeline: tallies summed, sentences gathered, the "
      "timeline built as one store would.")
      .def(py::init<const std::string&, const std::string&, size_t, size_t, const py::object&,
                    const py::object&, const std::optional<std::string>&>(),
           py::arg("catalog"), py::kw_only(), py::arg("query") = "", py::arg("dates") = 10,
           py::arg("sentences") = 2, py::arg("from_") = py::none(), py::arg("to") = py::none(),
           py::arg("lang") = py::none())
      .def("add_tallies", &DistributedTimelineHandle::AddTallies, py::arg("tallies"))
      .def("build", &DistributedTimelineHandle::Build)
      .def("requests", &DistributedTimelineHandle::Requests)
      .def("add_sentences", &DistributedTimelineHandle::AddSentences, py::arg("sentences"));

  m.def("default_corpus_path", &Corpus::DefaultPath);
}
