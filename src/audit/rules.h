// The audit trail's entry and its hash chain (SM3). Each entry's hash covers its own fields and the
// previous entry's hash, so editing or removing any entry breaks every link after it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sz::module {
struct Info;
}

namespace sz::audit {

// Who acted: a signed-in user, or the command line.
struct Actor {
  std::optional<int64_t> user_id;
  std::string name;        // username, or "cli"
  std::string roles;       // comma-separated role codes at the time of the act
  std::string request_id;
  std::string ip;
};
// The command line on the server (`shuzhuan user add …`): an operator with shell access, recorded as such.
extern const Actor kCommandLine;

struct Entry {
  int64_t seq = 0;         // 1, 2, 3 … without gaps
  int64_t at = 0;          // epoch seconds, UTC
  Actor actor;
  std::string action;      // e.g. "user.create"
  std::string entity_type; // e.g. "user"
  std::string entity_id;
  std::string before_json; // "" when the record did not exist
  std::string after_json;  // "" when the record was removed
  std::string prev_hash;
  std::string hash;
};

extern const char* const kGenesisHash;  // the prev_hash of entry 1

// SM3 over the length-prefixed fields and prev_hash.
std::string link_hash(const Entry& e);

// Chinese names for display, from the words each area declares (module::Info), put in force at start-up; a label
// declared twice stops start-up. Unknown codes are shown as they are.
void install_vocabulary(const std::vector<const module::Info*>& areas);
std::string action_name(const std::string& action);
std::string entity_type_name(const std::string& entity_type);
// A field of a record of this type: its own label, else the label the field has on every record.
std::string field_name(const std::string& entity_type, const std::string& field);
// Fields holding personal data, masked whenever the trail is displayed or exported.
bool is_personal_field(const std::string& field);

// Checking a chain one entry at a time, in seq order.
class ChainChecker {
 public:
  // Returns false at the first entry that does not fit; reason() says why.
  bool add(const Entry& e);
  int64_t count() const { return count_; }
  int64_t last_seq() const { return last_seq_; }
  const std::string& last_hash() const { return last_hash_; }
  const std::string& reason() const { return reason_; }

 private:
  int64_t count_ = 0;
  int64_t last_seq_ = 0;
  std::string last_hash_ = kGenesisHash;
  std::string reason_;
};

}  // namespace sz::audit
