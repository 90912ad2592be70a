#include "documents/module.h"

namespace sz::documents {

const module::Info kModule{
    .name = "documents",
    .title = "资料",
    .audit =
        {
            .actions =
                {
                    {"document.upload", "上传资料"},
                },
            .entities =
                {
                    {"document", "资料"},
                },
        },
};

}  // namespace sz::documents
