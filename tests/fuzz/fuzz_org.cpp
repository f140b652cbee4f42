// Structured orgs from the fuzz input: small id alphabets so that cycles, self-links, dangling and
// duplicate ids are common; every table; then assess() on whatever validates.
#include <cstdint>

#include "fuzz_common.hpp"

namespace {

class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  std::uint8_t next() { return pos_ < size_ ? data_[pos_++] : 0; }
  bool more() const { return pos_ < size_; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

std::string id(std::uint8_t b) { return b % 17 == 16 ? std::string() : "p" + std::to_string(b % 17); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace teamgraph;
  Bytes in(data, size);
  const std::size_t n = in.next() % 24;
  std::string people = "id,manager_id,tier,department,flight_risk,assessment\n";
  const char* tiers[] = {"core", "execution", "support", "boss"};
  for (std::size_t i = 0; i < n; ++i) {
    const auto manager = in.next();
    people += id(static_cast<std::uint8_t>(i)) + "," + (manager % 3 == 0 ? std::string() : id(manager)) + "," +
              tiers[in.next() % 4] + ",d" + std::to_string(in.next() % 3) + "," + std::to_string((in.next() % 120) / 100.0) +
              "," + std::to_string((in.next() % 110) / 100.0) + "\n";
  }
  std::string competencies = "person_id,competency,score\n";
  const char* names[] = {"planning", "analysis", "execution", "control", "command", "practice", "theory", "expression"};
  for (std::size_t k = in.next() % 40; k > 0 && in.more(); --k)
    competencies += id(in.next()) + "," + names[in.next() % 8] + "," + std::to_string((in.next() % 105) / 100.0) + "\n";
  std::string successors = "incumbent_id,successor_id,readiness\n";
  const char* readiness[] = {"ready_now", "ready_1_2y", "ready_3y_plus"};
  for (std::size_t k = in.next() % 12; k > 0 && in.more(); --k)
    successors += id(in.next()) + "," + id(in.next()) + "," + readiness[in.next() % 3] + "\n";
  std::string sharing = "person_a,person_b,channel\n";
  for (std::size_t k = in.next() % 30; k > 0 && in.more(); --k)
    sharing += id(in.next()) + "," + id(in.next()) + "," + (in.next() % 2 ? "online" : "offline") + "\n";
  std::string goals = "goal_id,owner_id,parent_goal_id\ng0,,\n";
  for (std::size_t k = in.next() % 8; k > 0 && in.more(); --k)
    goals += "g" + std::to_string(k) + "," + id(in.next()) + ",g" + std::to_string(in.next() % 9) + "\n";
  std::string incentives = "person_id,kind,amount\n";
  for (std::size_t k = in.next() % 10; k > 0 && in.more(); --k)
    incentives += id(in.next()) + "," + (in.next() % 2 ? "material" : "spiritual") + "," + std::to_string(in.next()) + "\n";
  // Operations: a few channels over a few months, some rows a channel's, some a person's; counts
  // that may break replied <= inquiries or repeat a day.
  std::string operations = "date,channel,person_id,inquiries,replied,first_reply_minutes,orders\n";
  const char* channels[] = {"Tmall", "JD", "WeChat"};
  for (std::size_t k = in.next() % 60; k > 0 && in.more(); --k) {
    const auto who = in.next();
    operations += "2026-0" + std::to_string(1 + in.next() % 6) + "-" + std::to_string(10 + in.next() % 19) + "," +
                  channels[in.next() % 3] + "," + (who % 3 == 0 ? std::string() : id(who)) + "," +
                  std::to_string(in.next() % 200) + "," + std::to_string(in.next() % 200) + "," +
                  std::to_string(in.next() % 30) + "," + std::to_string(in.next() % 40) + "\n";
  }

  std::vector<Problem> problems;
  OrgBuilder builder;
  builder.add_table("people", parse_csv_table(people, "people.csv", problems));
  builder.add_table("competencies", parse_csv_table(competencies, "competencies.csv", problems));
  builder.add_table("successors", parse_csv_table(successors, "successors.csv", problems));
  builder.add_table("sharing", parse_csv_table(sharing, "sharing.csv", problems));
  builder.add_table("goals", parse_csv_table(goals, "goals.csv", problems));
  builder.add_table("incentives", parse_csv_table(incentives, "incentives.csv", problems));
  builder.add_table("operations", parse_csv_table(operations, "operations.csv", problems));
  builder.add_problems(problems);
  fuzz::build_and_check(builder);
  return 0;
}
