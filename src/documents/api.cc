#include "documents/api.h"

#include "infra/text.h"

namespace sz::documents {

namespace bj = boost::json;

namespace {
bj::object document_json(const store::Document& d) {
  return bj::object{{"id", d.id},
                    {"entity_type", d.entity_type},
                    {"entity_id", d.entity_id},
                    {"name", d.name},
                    {"version", d.version},
                    {"content_type", d.content_type},
                    {"type_label", d.type_label},
                    {"size", d.size},
                    {"sha256", d.sha256},
                    {"sm3", d.sm3},
                    {"note", d.note},
                    {"uploaded_by", d.uploaded_by_name},
                    {"uploaded_at", iso_utc(d.uploaded_at)},
                    {"download_url", "/api/v1/documents/" + std::to_string(d.id) + "/download"}};
}
}  // namespace

void register_routes(auth::Routes& routes, Service& docs) {
  auto may_upload = [&docs](http::Request& req, const auth::Principal& p) {
    return docs.may_upload(p, req.query_param("entity_type").value_or(""), req.query_param("entity_id").value_or(""));
  };
  routes.upload("POST", "/api/v1/documents", may_upload, [&docs](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    std::string name = req.query_param("name").value_or("");
    std::string note = req.query_param("note").value_or("");
    if (text::utf8_length(note) > 200 || !text::valid_utf8(note)) return err::invalid("note", "说明不能超过200个字符");
    if (auto why = text::hidden_problem(note, true)) return err::invalid("note", "说明" + *why);
    SZ_ASSIGN(auto d, docs.upload(p, auth::origin_of(req), req.query_param("entity_type").value_or(""),
                                  req.query_param("entity_id").value_or(""), name, note, req.body_file));
    return json::reply(201, document_json(d));
  });

  routes.authed("GET", "/api/v1/documents", [&docs](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto list, docs.list(p, req.query_param("entity_type").value_or(""), req.query_param("entity_id").value_or("")));
    bj::array items;
    for (const auto& d : list) items.push_back(document_json(d));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("GET", "/api/v1/documents/{id}/download", [&docs](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto found, docs.open(p, id));
    return file_response(found.first, found.second);
  });
}

http::Response file_response(const store::Document& d, const std::string& path) {
  http::Response r = http::attachment(path, d.content_type, d.name);
  r.add_header("X-Document-SHA256", d.sha256);
  return r;
}

}  // namespace sz::documents
