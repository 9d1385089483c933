#!/usr/bin/env python3
"""Builds Lạng Sơn's demo catalogue in motcua's catalogue file format (docs/catalogue-format.md).

  python3 build_catalogue.py [SHARED_REFERENCE_FOLDER]   # default: ../../../shared/reference from this folder

Reads
  - SHARED/national-catalogue.tsv: 1,601 procedures as the national portal published them (~07/2026);
  - catalogue/{a,b}-{procedures,documents}.csv here: 65 procedures researched by hand, which win over anything
    derived from the extract for the same code and are copied as they are;
  - webapp/src/main/resources/reference/agencies.csv: the agencies that exist, to check the agency patterns.
Writes
  - webapp/src/main/resources/catalogue/lang-son-procedures.csv and lang-son-documents.csv;
  - docs/reference-data/catalogue-build-notes.md: the decisions per sector, the counts, the new agency patterns and
    the known problems (generated, so it always matches the CSVs).
Then validates the output (columns, codes, enums, channels and fees, agency patterns) and exits with status 1 on a
problem. Standard library only.
"""
import collections
import csv
import io
import math
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(ROOT, '..', 'shared', 'reference'))
TSV = os.path.join(SHARED, 'national-catalogue.tsv')
RESEARCHED = os.path.join(HERE, 'catalogue')
AGENCIES_CSV = os.path.join(ROOT, 'webapp', 'src', 'main', 'resources', 'reference', 'agencies.csv')
OUT = os.path.join(ROOT, 'webapp', 'src', 'main', 'resources', 'catalogue')
OUT_PROCEDURES = os.path.join(OUT, 'lang-son-procedures.csv')
OUT_DOCUMENTS = os.path.join(OUT, 'lang-son-documents.csv')
NOTES = os.path.join(HERE, 'catalogue-build-notes.md')

PROVINCE, COMMUNE = '20', '06148'  # Lạng Sơn and xã Thụy Hùng, to resolve the patterns when checking

PROCEDURE_COLUMNS = ['code', 'name', 'nameEn', 'level', 'sector', 'sectorEn', 'template', 'handledBy', 'receivedBy',
                     'agencyName', 'onlineServiceLevel', 'onlineDays', 'counterDays', 'postalDays', 'onlineFee',
                     'counterFee', 'postalFee', 'feeBasis', 'result', 'legalBasis', 'conditions', 'targetGroup',
                     'announcedBy', 'confirmed', 'source']
DOCUMENT_COLUMNS = ['procedureCode', 'documentCode', 'name', 'nameEn', 'form', 'count', 'when', 'resultOf']
CHANNELS = ['online', 'counter', 'postal']

SOURCE = 'Danh mục TTHC quốc gia (trích xuất 7/2026); thành phần hồ sơ chưa nghiên cứu'
GENERIC_DOCUMENTS = [
    ('DON_DE_NGHI', 'Đơn đề nghị (tờ khai) theo mẫu', 'Application (declaration) form', 'ORIGINAL'),
    ('GIAY_TO_THEO_QUY_DINH', 'Giấy tờ khác theo quy định của thủ tục (chưa nghiên cứu)',
     'Other documents the procedure requires (not yet researched)', 'COPY'),
]


def nfc(text):
    return unicodedata.normalize('NFC', text or '').strip()


# ------------------------------------------------------------------------------------------------ agencies

# key: (pattern, agencyName as words, Vietnamese full name, English name, new?)
AGENCIES = {
    'X': ('X{commune}', 'Ủy ban nhân dân cấp xã', 'Ủy ban nhân dân xã/phường', "Commune (ward) People's Committee",
          False),
    'CAX': ('CAX{commune}', 'Công an cấp xã', 'Công an xã/phường', 'Commune (ward) Police', False),
    'SXD': ('SXD{province}', 'Sở Xây dựng', 'Sở Xây dựng tỉnh Lạng Sơn', 'Lạng Sơn Department of Construction', False),
    'SNNMT': ('SNNMT{province}', 'Sở Nông nghiệp và Môi trường', 'Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn',
              'Lạng Sơn Department of Agriculture and Environment', False),
    'VPDK': ('VPDK{province}', 'Văn phòng Đăng ký đất đai', 'Văn phòng Đăng ký đất đai tỉnh Lạng Sơn',
             'Lạng Sơn Land Registration Office', False),
    'CSGT': ('CSGT{province}', 'Phòng Cảnh sát giao thông – Công an tỉnh',
             'Phòng Cảnh sát giao thông – Công an tỉnh Lạng Sơn', 'Traffic Police Division, Lạng Sơn Provincial Police',
             False),
    'PV06': ('PV06{province}', 'Phòng Hồ sơ nghiệp vụ – Công an tỉnh', 'Phòng Hồ sơ nghiệp vụ – Công an tỉnh Lạng Sơn',
             'Records Division, Lạng Sơn Provincial Police', False),
    'THUE': ('THUE{province}', 'Thuế tỉnh', 'Thuế tỉnh Lạng Sơn', 'Lạng Sơn Provincial Tax Office', False),
    'STP': ('STP{province}', 'Sở Tư pháp', 'Sở Tư pháp tỉnh Lạng Sơn', 'Lạng Sơn Department of Justice', True),
    'STC': ('STC{province}', 'Sở Tài chính', 'Sở Tài chính tỉnh Lạng Sơn', 'Lạng Sơn Department of Finance', True),
    'PC06': ('PC06{province}', 'Phòng Cảnh sát quản lý hành chính về trật tự xã hội – Công an tỉnh',
             'Phòng Cảnh sát quản lý hành chính về trật tự xã hội – Công an tỉnh Lạng Sơn',
             'Administrative Police Division for Social Order, Lạng Sơn Provincial Police', True),
    'PA08': ('PA08{province}', 'Phòng Quản lý xuất nhập cảnh – Công an tỉnh',
             'Phòng Quản lý xuất nhập cảnh – Công an tỉnh Lạng Sơn',
             'Immigration Division, Lạng Sơn Provincial Police', True),
    'PC07': ('PC07{province}', 'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ – Công an tỉnh',
             'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ – Công an tỉnh Lạng Sơn',
             'Fire Prevention, Fire Fighting and Rescue Police Division, Lạng Sơn Provincial Police', True),
    'PC04': ('PC04{province}', 'Phòng Cảnh sát điều tra tội phạm về ma túy – Công an tỉnh',
             'Phòng Cảnh sát điều tra tội phạm về ma túy – Công an tỉnh Lạng Sơn',
             'Drug Crime Investigation Police Division, Lạng Sơn Provincial Police', True),
    'BQLKKT': ('BQLKKT{province}', 'Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn',
               'Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn',
               'Management Board of the Đồng Đăng – Lạng Sơn Border-Gate Economic Zone', True),
    'TTHCC': ('TTHCC{province}', 'Trung tâm Phục vụ hành chính công tỉnh',
              'Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn', 'Lạng Sơn Public Administration Service Centre', False),
}
# the provincial police's own units: they receive at their own one-stop sections (as the researched police rows)
POLICE_UNITS = {'CSGT', 'PV06', 'PC06', 'PA08', 'PC07', 'PC04'}

# ------------------------------------------------------------------------------------------------ sectors

# sector -> (decision, province agency key, commune agency key, English sector, reason / agency note)
# decision: keep | drop | commune (keep the commune-level rows only)
S = {}


def sector(names, decision, province, commune, english, reason):
    for name in names.split('|'):
        S[name] = (decision, province, commune, english, reason)


# dropped: central or vertical systems, or not applicable to Lạng Sơn
sector('Hải quan', 'drop', None, None, 'Customs',
       "customs: the General Department of Customs' own units (the extract's 'Cấp xã' are customs sub-departments)")
sector('Thuế', 'drop', None, None, 'Tax', 'central tax administration (Thuế tỉnh is a branch of the national tax '
       'department with its own reception), as the brief says')
for bank in ('Thành lập và hoạt động ngân hàng|Hoạt động ngoại hối|Hoạt động thanh toán|Hoạt động thông tin tín dụng|'
             'Hoạt động tiền tệ|Hoạt động tín dụng|Hoạt động kho quỹ|Hoạt động khác').split('|'):
    sector(bank, 'drop', None, None, {
        'Thành lập và hoạt động ngân hàng': 'Establishment and operation of banks',
        'Hoạt động ngoại hối': 'Foreign exchange', 'Hoạt động thanh toán': 'Payments',
        'Hoạt động thông tin tín dụng': 'Credit information', 'Hoạt động tiền tệ': 'Monetary operations',
        'Hoạt động tín dụng': 'Credit', 'Hoạt động kho quỹ': 'Vault and cash operations',
        'Hoạt động khác': 'Other (State Bank awards)'}[bank],
        'State Bank of Vietnam (its regional branches), not the province')
sector('Kho bạc Nhà nước', 'drop', None, None, 'State Treasury', 'State Treasury, a central vertical system')
sector('Tòa án', 'drop', None, None, 'Courts', 'courts (the judiciary), not administrative procedures of the province')
sector('Thi hành án dân sự', 'drop', None, None, 'Civil judgment enforcement',
       'civil judgment enforcement offices are a central vertical system, not the province')
sector('Hàng hải và đường thủy nội địa', 'drop', None, None, 'Maritime and inland waterways',
       'maritime and inland waterways, as the brief says: Lạng Sơn has no sea and no port authority (see known '
       'problems for the commune-level inland-waterway rows)')
sector('Đường sắt', 'drop', None, None, 'Railways', 'railways, central (Vietnam Railway Authority), as the brief says')
sector('Biển và hải đảo', 'drop', None, None, 'Sea and islands',
       'Lạng Sơn has no coast: no sea area to allocate, dump at or research in')
sector('Bảo đảm an ninh hàng không', 'drop', None, None, 'Aviation security',
       'airport security passes: Lạng Sơn has no airport; issued by the airport authorities')
sector('Chứng khoán', 'drop', None, None, 'Securities', 'State Securities Commission, central')
sector('Dự trữ', 'drop', None, None, 'State reserves', 'regional state reserve departments, central')
for bhxh, english in (('Chi trả các chế độ BHXH', 'Social insurance payments'),
                      ('Cấp sổ BHXH, thẻ BHYT', 'Social insurance books and health insurance cards'),
                      ('Thu BHXH, BHYT, BHTN, BH tai nạn lao động, BNN', 'Social insurance contributions'),
                      ('Thực hiện chính sách BHXH', 'Social insurance benefits'),
                      ('Thực hiện chính sách BHYT', 'Health insurance')):
    sector(bhxh, 'drop', None, None, english,
           'Vietnam Social Security (BHXH tỉnh and its local offices) is a central agency with its own reception and '
           'system; the province does not handle these')
sector('Người có công', 'drop', None, None, 'People with meritorious services',
       "unusable rows: all 7 codes carry the same title of a Hà Tĩnh provincial decision ('Công bố Danh mục và Quy "
       "trình nội bộ … tỉnh Hà Tĩnh') instead of a procedure name; the Department of Home Affairs is not in the "
       "reference data either")
sector('Khiếu nại, tố cáo', 'drop', None, None, 'Complaints and denunciations',
       "complaints and denunciations against police officers: handled by the police's inspection and citizen "
       'reception under the complaints and denunciation laws, not as one-stop dossiers')
sector('Chính sách', 'commune', None, 'CAX', 'Policies (public security)',
       'province rows dropped: benefits and health-insurance cards for former police officers and their relatives, '
       "handled inside the provincial police (its personnel/policy unit), outside the one-stop system; commune rows "
       '(regimes for grassroots security forces) kept at the commune police, agency not checked')
sector('Tổ chức, cán bộ', 'commune', None, 'CAX', 'Organisation and personnel (public security)',
       'province rows dropped: recruitment into the police and police schools, internal to the provincial police; '
       'the commune row (selection of security team members) kept at the commune police')

# justice: Department of Justice (new) at province, commune People's Committee at commune
for name, english in (('Công chứng', 'Notaries'), ('Luật sư', 'Lawyers'),
                      ('Giám định tư pháp', 'Judicial expertise'), ('Trợ giúp pháp lý', 'Legal aid'),
                      ('Thừa phát lại', 'Bailiffs'), ('Hòa giải thương mại', 'Commercial mediation'),
                      ('Trọng tài thương mại', 'Commercial arbitration'), ('Quản tài viên', 'Insolvency administrators'),
                      ('Đấu giá tài sản', 'Property auctions'), ('Tư vấn pháp luật', 'Legal consultancy'),
                      ('Nuôi con nuôi', 'Adoption'), ('Quốc tịch', 'Nationality'),
                      ('Hỗ trợ pháp lý cho doanh nghiệp nhỏ và vừa', 'Legal support for small and medium enterprises'),
                      ('Hộ tịch', 'Civil status'), ('Chứng thực', 'Certification'),
                      ('Hòa giải ở cơ sở', 'Grassroots mediation')):
    sector(name, 'keep', 'STP', 'X', english, 'justice sector')
sector('Bồi thường nhà nước', 'keep', 'STP', 'X', 'State compensation',
       'justice sector; the agency that caused the damage settles the claim, the Department of Justice only guides: '
       'STP at province is a stand-in (not confirmed)')
sector('Lý lịch tư pháp', 'keep', 'PV06', 'X', 'Judicial records',
       'criminal record certificates: the provincial police since 2025 (PV06, as the researched row 3.000333)')
sector('Đăng ký biện pháp bảo đảm', 'keep', 'VPDK', 'X', 'Registration of security interests',
       'security interests over land: registered by the land registration office')

# finance: Department of Finance (new) at province
for name, english in (('Thành lập và hoạt động của doanh nghiệp', 'Enterprise establishment and operation'),
                      ('Thành lập và hoạt động doanh nghiệp xã hội', 'Social enterprises'),
                      ('Chuyển đổi công ty nhà nước được thành lập và hoạt động theo Luật Doanh nghiệp n',
                       'Conversion of state companies'),
                      ('Đầu tư tại Việt nam', 'Investment in Vietnam'),
                      ('Đầu tư theo phương thức đối tác công tư', 'Public-private partnership investment'),
                      ('Đầu tư bằng vốn hỗ trợ phát triển chính thức (ODA) và viện trợ không hoàn lại kh',
                       'ODA and non-refundable aid'),
                      ('Đấu thầu', 'Procurement'), ('Đấu thầu lựa chọn nhà đầu tư', 'Selection of investors'),
                      ('Hỗ trợ doanh nghiệp', 'Enterprise support'),
                      ('Hỗ trợ doanh nghiệp nhỏ và vừa', 'Support for small and medium enterprises'),
                      ('Hỗ trợ đầu tư', 'Investment support'),
                      ('Đầu tư vào nông nghiệp, nông thôn', 'Investment in agriculture and rural areas'),
                      ('Quản lý công sản', 'Public assets'), ('Quản lý giá', 'Prices'),
                      ('Tài chính doanh nghiệp', 'Enterprise finance'), ('Tài chính ngân hàng', 'Bank finance'),
                      ('Tin học - Thống kê', 'Informatics and statistics'), ('Bảo hiểm', 'Insurance'),
                      ('Khoa học công nghệ', 'Science and technology (business registration)'),
                      ('Thành lập và hoạt động của tổ hợp tác', 'Cooperative groups'),
                      ('Thành lập và hoạt động của tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã', 'Cooperatives'),
                      ('Hỗ trợ tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã', 'Support for cooperatives'),
                      ('Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)', 'Household businesses')):
    sector(name, 'keep', 'STC', 'X', english, 'finance sector')
sector('Quản lý chương trình mục tiêu quốc gia', 'keep', 'STC', 'X', 'National target programmes',
       'finance sector (announced by the Ministry of Finance); the provincial body that approves production projects '
       'is not confirmed')
sector('Tài chính đất đai', 'keep', 'THUE', 'X', 'Land finance',
       'land levy and rent: recorded, computed and reduced by the tax office (THUE), the deduction of compensation '
       'costs by the Department of Finance (STC) — read from the names, not confirmed')
sector('Quản lý nhà nước về khu công nghiệp, khu kinh tế', 'keep', 'BQLKKT', 'X',
       'Industrial parks and economic zones',
       "eco-industrial park and eco-enterprise certificates: the management board of the province's industrial parks "
       'and economic zone (new pattern)')

# construction and transport
for name, english in (('Hoạt động xây dựng', 'Construction'), ('Nhà ở và công sở', 'Housing and offices'),
                      ('Kinh doanh bất động sản', 'Real estate business'),
                      ('Hạ tầng kỹ thuật', 'Technical infrastructure'),
                      ('Quy hoạch đô thị và nông thôn', 'Urban and rural planning'), ('Kiến trúc', 'Architecture'),
                      ('Phát triển đô thị', 'Urban development'), ('Vật liệu xây dựng', 'Construction materials'),
                      ('Quản lý chất lượng công trình xây dựng', 'Construction quality'),
                      ('Đường bộ', 'Roads'), ('Đăng kiểm', 'Vehicle inspection'),
                      ('Kiểm định kỹ thuật an toàn lao động', 'Occupational safety inspection')):
    sector(name, 'keep', 'SXD', 'X', english, 'construction and transport sector')

# agriculture and environment
for name, english in (('Biến đổi khí hậu', 'Climate change'),
                      ('Bảo tồn thiên nhiên và Đa dạng sinh học', 'Nature conservation and biodiversity'),
                      ('Chăn nuôi', 'Animal husbandry'), ('Kiểm lâm', 'Forest protection'), ('Lâm nghiệp', 'Forestry'),
                      ('Môi trường', 'Environment'), ('Nông nghiệp', 'Agriculture'),
                      ('Quản lý chất lượng nông lâm sản và thủy sản',
                       'Quality of agricultural, forestry and fishery products'),
                      ('Quản lý Đê điều và Phòng, chống thiên tai', 'Dykes and natural disaster prevention'),
                      ('Thú y', 'Veterinary'), ('Thủy lợi', 'Irrigation'), ('Thủy sản', 'Fisheries'),
                      ('Trồng trọt', 'Crop production'), ('Trồng trọt và Bảo vệ thực vật', 'Crops and plant protection'),
                      ('Tài nguyên nước', 'Water resources'), ('Khí tượng, thủy văn', 'Hydro-meteorology'),
                      ('Đo đạc, bản đồ và thông tin địa lý', 'Surveying, mapping and geographic information'),
                      ('Địa chất và khoáng sản', 'Geology and minerals'),
                      ('Kinh tế hợp tác và Phát triển nông thôn', 'Cooperative economy and rural development'),
                      ('Khoa học và Công nghệ', 'Science and technology (agriculture)'),
                      ('Tổng hợp', 'General (natural resources and environment data)'),
                      ('Quản lý doanh nghiệp', 'State agricultural and forestry companies'),
                      ('Giảm nghèo', 'Poverty reduction'),
                      ('Quản lý thuế, phí, lệ phí và thu khác của ngân sách nhà nước',
                       'Environmental protection fees')):
    sector(name, 'keep', 'SNNMT', 'X', english, 'agriculture and environment sector')
S['Quản lý thuế, phí, lệ phí và thu khác của ngân sách nhà nước'] = S[
    'Quản lý thuế, phí, lệ phí và thu khác của ngân sách nhà nước'][:4] + (
    'despite its name, the two rows are environmental protection fees on wastewater and emissions, declared to the '
    'environment department',)
sector('Đất đai', 'keep', 'SNNMT', 'X', 'Land',
       'land: registration procedures (registration, certificate exchange, re-issue, correction, parcel split, '
       'deregistration, removal of recorded debts) at the land registration office (VPDK), the others (allocation, '
       'lease, change of use, disputes, land-use plans) at the Department of Agriculture and Environment')

# public security
for name, english in (('Cấp, quản lý căn cước', 'Identity cards'),
                      ('Định danh và xác thực điện tử', 'Electronic identification and authentication'),
                      ('Đăng ký, quản lý cư trú', 'Residence'),
                      ('Quản lý vũ khí, vật liệu nổ, công cụ hỗ trợ và pháo',
                       'Weapons, explosives, supporting tools and fireworks'),
                      ('Đăng ký, quản lý con dấu', 'Seals'),
                      ('Quản lý ngành nghề đầu tư, kinh doanh có điều kiện về an ninh, trật tự',
                       'Businesses subject to security and order conditions')):
    sector(name, 'keep', 'PC06', 'CAX', english, 'public security (administrative management of social order)')
sector('Quản lý xuất nhập cảnh', 'keep', 'PA08', 'CAX', 'Immigration',
       'immigration: kept, because the province performs it (the provincial police issue passports, visas, '
       'temporary residence cards and, in a province on the Chinese border, border passes); PA08 is its unit (new '
       'pattern, not PC06); rows for the Lao and Cambodian borders and the former district level dropped')
sector('Phòng cháy, chữa cháy', 'keep', 'PC07', 'CAX', 'Fire prevention and fighting',
       'fire prevention: the fire police division (PC07, new pattern, not PC06)')
sector('Tổ chức cai nghiên ma túy và quản lý sau cai nghiện', 'keep', 'PC04', 'X', 'Drug rehabilitation',
       'drug rehabilitation, under the police since 2025: the unit that advises the provincial police director is '
       'taken to be PC04 (new pattern, not confirmed); voluntary registration at the commune People\'s Committee '
       '(Law on Drug Prevention 2021, not re-read)')
for name, english in (('Sát hạch, cấp giấy phép lái xe', 'Driving tests and licences'),
                      ('Kiểm tra kiến thức pháp luật về trật tự, an toàn giao thông đường bộ',
                       'Road traffic law knowledge tests'),
                      ('Bảo đảm trật tự, an toàn giao thông đường bộ', 'Road traffic order and safety'),
                      ('Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng', 'Vehicle registration')):
    sector(name, 'keep', 'CSGT', 'CAX', english, 'traffic police')

# performed for citizens at the commune when the extract names both levels
PREFER_COMMUNE = {'Hộ tịch', 'Chứng thực', 'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)',
                  'Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng'}
POLICE_SECTORS = {name for name, value in S.items() if value[2] == 'CAX'}

# single procedures dropped inside kept sectors: not applicable to Lạng Sơn, or not performed by the province
NOT_APPLICABLE = {
    '1.001200': 'border pass to Cambodia, for provinces on the Cambodian border',
    '1.001226': 'Lao citizens entering with a border pass, for provinces on the Lao border',
    '1.001258': 'Vietnam–Laos border pass, for provinces on the Lao border',
    '1.001280': 'Vietnam–Laos border pass, for provinces on the Lao border',
    '1.012680': 'Vietnam–Laos border pass, for provinces on the Lao border',
    '1.010385': "'thực hiện tại cấp huyện': there are no districts since 1 July 2025 (the commune row 1.010386 stays)",
    '1.011727': "'thực hiện tại cấp huyện': there are no districts since 1 July 2025 (the commune row 1.011728 stays)",
    '3.000381': 'performed at the central Traffic Police Department (Cục Cảnh sát giao thông)',
    '3.000215': 'for the People\'s Councils of Thanh Hóa, Nghệ An and Khánh Hòa only',
    '1.013828': 'sea reclamation: Lạng Sơn has no coast',
    '1.014284': 'sea reclamation: Lạng Sơn has no coast',
    '1.010370': 'insurance for sea fishing: Lạng Sơn has no coast',
}
# what is uncertain about the agency, per sector and level (said in the row's source)
AGENCY_NOTES = {
    ('Bồi thường nhà nước', 'PROVINCE'): 'STP stands in for the agency whose official caused the damage (not confirmed)',
    ('Tài chính đất đai', 'PROVINCE'): 'tax office (Department of Finance for 1.012994) read from the name, not confirmed',
    ('Quản lý chương trình mục tiêu quốc gia', 'PROVINCE'): 'the provincial approving body is not confirmed',
    ('Quản lý chương trình mục tiêu quốc gia', 'COMMUNE'): 'the approving body is not confirmed',
    ('Tổ chức cai nghiên ma túy và quản lý sau cai nghiện', 'PROVINCE'):
        'PC04 (drug crime police) inferred as the unit advising the provincial police director, not confirmed',
    ('Tổ chức cai nghiên ma túy và quản lý sau cai nghiện', 'COMMUNE'):
        "commune People's Committee (Law on Drug Prevention 2021, not re-read)",
    ('Chính sách', 'COMMUNE'): 'commune police inferred from the sector, not checked',
    ('Tổ chức, cán bộ', 'COMMUNE'): 'commune police inferred from the sector, not checked',
    ('Phòng cháy, chữa cháy', 'COMMUNE'): 'commune police inferred from the sector, not checked',
    ('Quản lý nhà nước về khu công nghiệp, khu kinh tế', 'PROVINCE'):
        "the province's economic zone management board (new pattern), its 2026 name not checked",
    ('Lý lịch tư pháp', 'PROVINCE'): 'PV06 as the researched row 3.000333 (the unit is inferred)',
    ('Quản lý xuất nhập cảnh', 'PROVINCE'): 'PA08, the immigration division (new pattern)',
}
# a handling agency other than the sector's, for one code
AGENCY_BY_CODE = {'1.012994': 'STC'}
LAND_REGISTRATION = re.compile(r'^(Đăng ký|Cấp đổi|Cấp lại Giấy chứng nhận|Đính chính|Tách thửa|Xóa đăng ký|'
                               r'Xóa ghi nợ|Thu hồi Giấy chứng nhận)')


# ------------------------------------------------------------------------------------------------ reading

def read_tsv(path):
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))


def read_csv(path):
    with open(path, encoding='utf-8', newline='') as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        return reader.fieldnames, rows


def known_agencies():
    codes = set()
    with open(AGENCIES_CSV, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or line.startswith('code,') or not line.strip():
                continue
            codes.add(line.split(',', 1)[0])
    return codes


# ------------------------------------------------------------------------------------------------ times and fees

CURRENCY = r'(Việt Nam Đồng|VNĐ|USD)'


def parse_time(text, fee_text):
    """(status, days, note): status ok (days usable), unknown (offered, no usable time) or absent (not offered)."""
    t = nfc(text)
    if t == '':
        if nfc(fee_text) in ('',):
            return 'absent', None, None
        return 'unknown', None, "channel text garbled in the extract (no time, fee field '%s'), channel left out" % (
            short(fee_text, 40))
    if t == 'Không có thông tin':
        return 'unknown', None, 'time not published (Không có thông tin), channel left out'
    glued = re.match(CURRENCY, nfc(fee_text)) is not None
    m = re.fullmatch(r'(\d+) Ngày làm việc', t)
    if m:
        return checked(int(m.group(1)), None, t)
    m = re.fullmatch(r'(\d+) Ngày', t)
    if m:
        return checked(int(m.group(1)), 'unit published as Ngày (calendar days?)', t)
    m = re.fullmatch(r'(\d+) Giờ', t)
    if m:
        hours = int(m.group(1))
        days = math.ceil(hours / 8 * 2) / 2
        return checked(days, "published as '%s', read as %s working day(s) (hours/8 rounded up to a half day)" % (
            t, fmt_days(days)), t)
    m = re.fullmatch(r'(\d+) Tháng', t)
    if m:
        return 'unknown', None, "time published in months ('%s'), not converted, channel left out" % t
    if re.fullmatch(r'[\d.,]+', t) and glued:
        return 'unknown', None, ("time and fee run together in the extract ('%s' + '%s'), channel left out" % (
            t, short(fee_text, 25)))
    m = re.fullmatch(r'(\d+)', t)
    if m:
        return checked(int(m.group(1)), "time published as bare '%s' without unit (read as working days)" % t, t)
    return 'unknown', None, "time unreadable ('%s'), channel left out" % short(t, 40)


def checked(days, note, text):
    if days > 1000:
        return 'unknown', None, "time '%s' beyond the format's 1,000 days, channel left out" % text
    return 'ok', days, note


def fmt_days(days):
    return str(int(days)) if float(days).is_integer() else ('%g' % days)


def short(text, n):
    text = nfc(text)
    return text if len(text) <= n else text[:n].rstrip() + '…'


def fee_note(rest):
    """The note after an amount: the text in the first parentheses (the extract may cut it)."""
    rest = rest.strip()
    if not rest.startswith('('):
        return rest
    depth = 0
    for i, ch in enumerate(rest):
        depth += 1 if ch == '(' else -1 if ch == ')' else 0
        if depth == 0:
            return rest[1:i].strip(' ()')
    return rest[1:].strip(' ()') + '…'


def parse_fee(text):
    """(amount or None, note for feeBasis, uncertainty or None)."""
    f = nfc(text)
    if f in ('', 'Không có thông tin'):
        return 0, None, 'fee not published, written 0'
    if f == 'Không' or f.startswith('Miễn phí'):
        return 0, fee_note(f[len('Miễn phí'):]) if f.startswith('Miễn phí') else None, None
    m = re.match(r'([\d.,]+)\s*' + CURRENCY, f)
    if m:
        amount = int(re.sub(r'[.,]', '', m.group(1)))
        note = fee_note(f[m.end():])
        if m.group(2) == 'USD':
            return 0, '%s USD%s' % (amount, ' (%s)' % note if note else ''), (
                'fee set in USD (%s USD), written 0: the format takes VND only' % amount)
        if amount < 10:
            return 0, note, "fee amount unreadable ('%s %s'), written 0" % (m.group(1), m.group(2))
        if amount < 1000:
            return amount * 1000, note, ("fee published as '%s %s', read as %s VND (thousands)" % (
                m.group(1), m.group(2), format(amount * 1000, ',')))
        return amount, note, None
    return 0, None, "fee text unreadable ('%s'), written 0" % short(f, 40)


# ------------------------------------------------------------------------------------------------ target groups

def target_group(text):
    groups = set()
    for part in nfc(text).split(','):
        part = part.strip()
        if part.startswith(('Công dân', 'Người', 'Cán bộ', 'Đảng viên')):
            groups.add('CITIZEN')
        elif part.startswith(('Tổ chức', 'Doanh nghiệp', 'Hợp tác xã', 'Doanh', 'Hợp tác', 'Tổ ')):
            groups.add('ORGANISATION')
    return ';'.join(g for g in ('CITIZEN', 'ORGANISATION') if g in groups)


# ------------------------------------------------------------------------------------------------ building

def group_notes(notes):
    """'online: x', 'counter: x' -> 'online/counter: x' (order kept)."""
    by_text = collections.OrderedDict()
    for channel, text in notes:
        by_text.setdefault(text, []).append(channel)
    return ['%s: %s' % ('/'.join(channels), text) for text, channels in by_text.items()]


def derive(row):
    """A procedure row from an extract row, or (None, reason) when it is dropped."""
    code = nfc(row['code'])
    sector_name = nfc(row['sector'])
    decision, province_key, commune_key, sector_en, reason = S[sector_name]
    levels = nfc(row['levels'])
    has_province, has_commune = 'Cấp tỉnh' in levels, 'Cấp xã' in levels
    if not (has_province or has_commune):
        return None, 'levels without province or commune'
    if decision == 'drop':
        return None, 'sector'
    if code in NOT_APPLICABLE:
        return None, 'not applicable: ' + NOT_APPLICABLE[code]
    if has_commune and not has_province:
        level = 'COMMUNE'
    elif has_province and not has_commune:
        level = 'PROVINCE'
    else:
        level = 'COMMUNE' if sector_name in PREFER_COMMUNE else 'PROVINCE'
    if decision == 'commune' and level != 'COMMUNE':
        return None, 'sector (province rows)'

    name = nfc(row['name'])
    issues = []
    if level == 'COMMUNE':
        key = commune_key or 'X'
    else:
        key = AGENCY_BY_CODE.get(code, province_key)
        if sector_name == 'Đất đai':
            key = 'VPDK' if LAND_REGISTRATION.match(name) else 'SNNMT'
    if has_province and has_commune:
        issues.append('levels published as "%s", performed here at %s level' % (levels, level.lower()))

    # channels
    days, fees, basis, channel_notes, fee_notes = {}, {}, [], [], []
    for channel in CHANNELS:
        status, value, note = parse_time(row[channel + '_time'], row[channel + '_fee'])
        if note:
            channel_notes.append((channel, note))
        if status != 'ok':
            continue
        days[channel] = value
        amount, fee_basis, uncertainty = parse_fee(row[channel + '_fee'])
        fees[channel] = amount
        if fee_basis:
            basis.append((channel, fee_basis))
        if uncertainty:
            fee_notes.append((channel, uncertainty))
    usable = bool(days)

    out = {c: '' for c in PROCEDURE_COLUMNS}
    out.update(code=code, name=name, level=level, sector=sector_name, sectorEn=sector_en,
               agencyName=AGENCIES[key][1], confirmed='no',
               result=nfc(row['result']) or 'Kết quả giải quyết thủ tục',
               targetGroup=target_group(row['target_group']), announcedBy=nfc(row['announcing_decision']))
    if usable:
        pattern = AGENCIES[key][0]
        if level == 'COMMUNE' or key in POLICE_UNITS:
            out.update(template='singleAgency', handledBy=pattern)
        else:
            out.update(template='transfer', handledBy=pattern, receivedBy=AGENCIES['TTHCC'][0])
        out['onlineServiceLevel'] = 'PARTIAL'
        for channel in days:
            out[channel + 'Days'] = fmt_days(days[channel])
            out[channel + 'Fee'] = str(fees[channel])
        notes_once = collections.OrderedDict()
        for channel, text in basis:
            notes_once.setdefault(text, []).append(channel)
        if len(notes_once) == 1 and len(next(iter(notes_once.values()))) == len(days):
            out['feeBasis'] = next(iter(notes_once))
        else:
            out['feeBasis'] = '; '.join('%s: %s' % ('/'.join(ch), text) for text, ch in notes_once.items())
        issues += group_notes(channel_notes) + group_notes(fee_notes)
    else:
        out.update(template='information', onlineServiceLevel='INFORMATION')
        issues.append('processing time not published in a usable form, listed as information only (%s)' % (
            '; '.join(group_notes(channel_notes)) or 'no channel published'))

    # names, results, decisions as published
    raw_name = unicodedata.normalize('NFC', row['name'])
    if (len(raw_name) >= 295 and not name.endswith(('.', ')'))) or name.count('(') != name.count(')'):
        issues.append('tên bị cắt (the extract cuts names at 300 characters)')
    if len(nfc(row['result'])) >= 119:
        issues.append('result may be cut at 120 characters in the extract')
    if not re.fullmatch(r'\d+/[\w.-]+', out['announcedBy']) or out['announcedBy'].startswith(('QĐ/0001', 'Demo')):
        issues.append("announcing decision published incompletely ('%s')" % out['announcedBy'])
    if len(nfc(row['target_group'])) >= 119:
        issues.append('target group cut at 120 characters in the extract')
    note = AGENCY_NOTES.get((sector_name, level))
    if note:
        issues.append('agency: ' + note)
    if not usable:
        pass
    elif level == 'PROVINCE' and key in POLICE_UNITS:
        issues.append('received at the police unit (as the researched police rows), not at the provincial centre')
    out['source'] = '; '.join([SOURCE] + issues)
    return out, None


# ------------------------------------------------------------------------------------------------ writing

def write_csv(path, columns, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator='\n', quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, '') or '' for c in columns])
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(buffer.getvalue())


# ------------------------------------------------------------------------------------------------ checking

def validate(procedures_path, documents_path, agencies, new_patterns):
    problems = []
    for path, columns in ((procedures_path, PROCEDURE_COLUMNS), (documents_path, DOCUMENT_COLUMNS)):
        raw = open(path, 'rb').read()
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError:
            problems.append('%s: not UTF-8' % path)
            continue
        if '\r' in text:
            problems.append('%s: CR in the file (line endings must be LF)' % path)
        if text != unicodedata.normalize('NFC', text):
            problems.append('%s: text not in Unicode NFC' % path)
        rows = list(csv.reader(io.StringIO(text)))
        if rows[0] != columns:
            problems.append('%s: header %s' % (path, rows[0]))
        for i, r in enumerate(rows[1:], start=2):
            if len(r) != len(columns):
                problems.append('%s row %d: %d cells' % (path, i, len(r)))
    _, procedures = read_csv(procedures_path)
    _, documents = read_csv(documents_path)
    codes = [p['code'] for p in procedures]
    if len(codes) != len(set(codes)):
        problems.append('duplicate codes: %s' % [c for c, n in collections.Counter(codes).items() if n > 1])
    if codes != sorted(codes):
        problems.append('procedures not sorted by code')
    code_re = re.compile(r'\d\.\d{6}')
    upper = re.compile(r'[A-Z][A-Z0-9_]{1,59}')
    when_re = re.compile(r'!?[A-Z][A-Z0-9_]{1,59}')
    agency_re = re.compile(r'[A-Z][A-Z0-9-]*(\{commune}|\{province})?')

    def resolves(pattern):
        return pattern in new_patterns or pattern.replace('{province}', PROVINCE).replace(
            '{commune}', COMMUNE) in agencies

    with_documents = collections.Counter(d['procedureCode'] for d in documents)
    for p in procedures:
        where = 'procedure %s' % p['code']
        if not code_re.fullmatch(p['code']):
            problems.append('%s: code' % where)
        for column in ('name', 'level', 'sector', 'template', 'agencyName', 'onlineServiceLevel', 'result'):
            if not p[column].strip():
                problems.append('%s: %s empty' % (where, column))
        if p['name'] != p['name'].strip():
            problems.append('%s: name has surrounding whitespace' % where)
        if p['level'] not in ('COMMUNE', 'PROVINCE'):
            problems.append('%s: level %s' % (where, p['level']))
        if p['template'] not in ('singleAgency', 'transfer', 'stages', 'information'):
            problems.append('%s: template %s' % (where, p['template']))
        if p['onlineServiceLevel'] not in ('FULL', 'PARTIAL', 'INFORMATION'):
            problems.append('%s: onlineServiceLevel %s' % (where, p['onlineServiceLevel']))
        if p['confirmed'] not in ('', 'yes', 'no'):
            problems.append('%s: confirmed %s' % (where, p['confirmed']))
        for group in filter(None, p['targetGroup'].split(';')):
            if group not in ('CITIZEN', 'ORGANISATION'):
                problems.append('%s: targetGroup %s' % (where, group))
        information = p['template'] == 'information'
        if not information and not p['handledBy']:
            problems.append('%s: no handledBy' % where)
        for column in ('handledBy', 'receivedBy'):
            if p[column]:
                if not agency_re.fullmatch(p[column]):
                    problems.append('%s: %s %s is not a pattern' % (where, column, p[column]))
                elif not resolves(p[column]):
                    problems.append('%s: %s %s resolves to no agency' % (where, column, p[column]))
        any_time = False
        for channel in CHANNELS:
            days, fee = p[channel + 'Days'], p[channel + 'Fee']
            if days:
                any_time = True
                try:
                    value = float(days.replace(',', '.'))
                    if value < 0 or value > 1000 or (value * 2) != int(value * 2):
                        raise ValueError
                except ValueError:
                    problems.append('%s: %sDays %s' % (where, channel, days))
                if not fee:
                    problems.append('%s: %s has a time and no fee' % (where, channel))
            if fee and not re.fullmatch(r'\d+', fee.replace('.', '').replace(',', '')):
                problems.append('%s: %sFee %s' % (where, channel, fee))
        if not any_time and not information:
            problems.append('%s: no channel time' % where)
        if information and (any_time or p['handledBy']):
            problems.append('%s: information row with a time or an agency' % where)
        if not information and with_documents[p['code']] < 2:
            problems.append('%s: fewer than 2 documents' % where)
    known = set(codes)
    seen = set()
    for d in documents:
        where = 'document %s/%s' % (d['procedureCode'], d['documentCode'])
        if d['procedureCode'] not in known:
            problems.append('%s: no such procedure' % where)
        if (d['procedureCode'], d['documentCode']) in seen:
            problems.append('%s: duplicate' % where)
        seen.add((d['procedureCode'], d['documentCode']))
        if not upper.fullmatch(d['documentCode']):
            problems.append('%s: documentCode' % where)
        if not d['name'].strip():
            problems.append('%s: name empty' % where)
        if d['form'] not in ('ORIGINAL', 'COPY', 'CERTIFIED_COPY'):
            problems.append('%s: form %s' % (where, d['form']))
        if d['count'] and not (d['count'].isdigit() and int(d['count']) >= 1):
            problems.append('%s: count %s' % (where, d['count']))
        if d['when'] and not when_re.fullmatch(d['when']):
            problems.append('%s: when %s' % (where, d['when']))
        if d['resultOf'] and not code_re.fullmatch(d['resultOf']):
            problems.append('%s: resultOf %s' % (where, d['resultOf']))
    return problems


# ------------------------------------------------------------------------------------------------ main

def main():
    extract = read_tsv(TSV)
    researched_procedures, researched_documents = [], []
    for part in ('a', 'b'):
        columns, rows = read_csv(os.path.join(RESEARCHED, part + '-procedures.csv'))
        assert columns == PROCEDURE_COLUMNS, (part, columns)
        researched_procedures += rows
        columns, rows = read_csv(os.path.join(RESEARCHED, part + '-documents.csv'))
        assert columns == DOCUMENT_COLUMNS, (part, columns)
        researched_documents += rows
    researched = {p['code'] for p in researched_procedures}
    unknown_sectors = sorted({nfc(r['sector']) for r in extract} - set(S))
    if unknown_sectors:
        sys.exit('sectors without a decision: %s' % unknown_sectors)

    derived, dropped = [], []  # dropped: (code, sector, reason)
    per_sector = collections.OrderedDict()
    for row in extract:
        code, sector_name = nfc(row['code']), nfc(row['sector'])
        counts = per_sector.setdefault(sector_name, collections.Counter())
        counts['extract'] += 1
        if code in researched:
            counts['researched'] += 1
            continue
        out, reason = derive(row)
        if out is None:
            dropped.append((code, sector_name, reason))
            counts['dropped'] += 1
            if reason.startswith('not applicable'):
                counts['not applicable'] += 1
            continue
        derived.append(out)
        counts['kept'] += 1
        counts['usable' if out['template'] != 'information' else 'information'] += 1

    procedures = sorted(researched_procedures + derived, key=lambda p: p['code'])
    order = {p['code']: i for i, p in enumerate(procedures)}
    documents = list(researched_documents)
    for p in derived:
        if p['template'] != 'information':
            for code, name, english, form in GENERIC_DOCUMENTS:
                documents.append(dict(procedureCode=p['code'], documentCode=code, name=name, nameEn=english,
                                      form=form, count='1', when='', resultOf=''))
    documents.sort(key=lambda d: order.get(d['procedureCode'], -1))  # stable: each procedure's own order kept

    os.makedirs(OUT, exist_ok=True)
    write_csv(OUT_PROCEDURES, PROCEDURE_COLUMNS, procedures)
    write_csv(OUT_DOCUMENTS, DOCUMENT_COLUMNS, documents)

    agencies = known_agencies()
    used = collections.Counter()
    for p in procedures:
        for column in ('handledBy', 'receivedBy'):
            if p[column]:
                used[p[column]] += 1
    new_patterns = {v[0] for v in AGENCIES.values() if v[4]}
    problems = validate(OUT_PROCEDURES, OUT_DOCUMENTS, agencies, new_patterns)
    unused_new = sorted(new_patterns - set(used))
    write_notes(extract, researched_procedures, derived, dropped, per_sector, documents, used, problems, unused_new)

    usable = sum(1 for p in derived if p['template'] != 'information')
    print('extract %d; researched carried over %d; derived kept %d (usable %d, information only %d); dropped %d; '
          'procedures %d, documents %d' % (len(extract), len(researched_procedures), len(derived), usable,
                                           len(derived) - usable, len(dropped), len(procedures), len(documents)))
    for problem in problems:
        print('PROBLEM', problem)
    return 1 if problems else 0


# ------------------------------------------------------------------------------------------------ notes

def write_notes(extract, researched_procedures, derived, dropped, per_sector, documents, used, problems, unused_new):
    usable = [p for p in derived if p['template'] != 'information']
    information = [p for p in derived if p['template'] == 'information']
    sector_dropped = [d for d in dropped if d[2].startswith('sector')]
    not_applicable = [d for d in dropped if d[2].startswith('not applicable')]
    by_level = collections.Counter(p['level'] for p in derived)
    by_agency = collections.Counter(p['handledBy'] or '(information)' for p in derived)
    confirmed_issues = collections.Counter()
    for p in derived:
        for marker, label in (('calendar days', "a time published in 'Ngày' (calendar days?)"),
                              ('bare', 'a time published without unit'),
                              ('hours/8', 'a time published in hours'),
                              ('fee not published', 'a fee not published (written 0)'),
                              ('thousands', 'a fee published in thousands'),
                              ('USD', 'a fee in USD (written 0)'),
                              ('unreadable', 'a fee or time unreadable'),
                              ('tên bị cắt', 'a name cut at 300 characters'),
                              ('time not published (Không có thông tin)', 'a channel with no published time'),
                              ('run together', 'a time run together with its fee'),
                              ('garbled', 'a garbled channel')):
            if marker in p['source']:
                confirmed_issues[label] += 1
    L = []
    w = L.append
    w('# Building Lạng Sơn\'s demo catalogue from the national extract')
    w('')
    w('Generated by `build_catalogue.py` (this folder) together with '
      '`webapp/src/main/resources/catalogue/lang-son-procedures.csv` and `lang-son-documents.csv`, in the format of '
      '`docs/catalogue-format.md`. Do not edit by hand: change the script and run it again '
      '(`python3 docs/reference-data/build_catalogue.py`).')
    w('')
    w('## Counts')
    w('')
    w('| | procedures |')
    w('| --- | --- |')
    w('| national extract (`shared/reference/national-catalogue.tsv`) | %d |' % len(extract))
    w('| researched rows carried over as they are (`catalogue/a-*`, `catalogue/b-*`) | %d |' % len(
        researched_procedures))
    w('| derived from the extract and kept | %d |' % len(derived))
    w('| — of which usable (run on a template, with a time on one channel at least) | %d |' % len(usable))
    w('| — of which information only (no usable time published) | %d |' % len(information))
    w('| dropped: whole sector, or the province rows of a sector | %d |' % len(sector_dropped))
    w('| dropped: single procedures not applicable to Lạng Sơn | %d |' % len(not_applicable))
    w('| **in the output** | **%d procedures, %d documents** |' % (len(researched_procedures) + len(derived),
                                                                    len(documents)))
    w('')
    w('Derived rows by level: %s. By handling agency: %s.' % (
        ', '.join('%s %d' % kv for kv in sorted(by_level.items())),
        ', '.join('`%s` %d' % kv for kv in sorted(by_agency.items(), key=lambda kv: -kv[1]))))
    w('')
    w('Every derived row is `confirmed=no` (its documents were not researched) and its `source` starts with "%s", '
      'then lists what is uncertain in that row. Derived rows with: %s.' % (SOURCE, ', '.join(
        '%s %d' % (label, n) for label, n in confirmed_issues.most_common())))
    w('')
    w('## Rules applied to the extract')
    w('')
    w('1. **Researched rows win.** The 65 rows of `catalogue/a-procedures.csv` and `b-procedures.csv` and their '
      'documents are copied unchanged; the extract row of the same code is ignored.')
    w('2. **Scope.** Only levels naming "Cấp tỉnh" or "Cấp xã" (every row of the extract does); then per sector '
      '(table below): kept, dropped, or only its commune rows kept; then single procedures that cannot apply to '
      'Lạng Sơn (list below).')
    w('3. **Level.** "Cấp xã" without "Cấp tỉnh" → COMMUNE; "Cấp tỉnh" without "Cấp xã" → PROVINCE; both → COMMUNE '
      'for the sectors performed for citizens at the commune (%s), PROVINCE otherwise; the `source` says when the '
      'extract named both.' % ', '.join(sorted(PREFER_COMMUNE)))
    w('4. **Agency and template.** Commune rows: `singleAgency` on `X{commune}` (police sectors: `CAX{commune}`), no '
      '`receivedBy`. Province rows: `transfer`, `receivedBy` `TTHCC{province}`, handled by the sector\'s department '
      '(table below). **Exception:** province rows handled by a unit of the provincial police (`CSGT`, `PV06`, '
      '`PC06`, `PA08`, `PC07`, `PC04`) are `singleAgency` without `receivedBy`, like the researched police rows '
      '(3.000348, 3.000333, …): the police receive at their own one-stop sections; the `source` says so. Land: '
      'registration procedures (names starting with Đăng ký, Cấp đổi, Cấp lại Giấy chứng nhận, Đính chính, Tách '
      'thửa, Xóa đăng ký, Xóa ghi nợ, Thu hồi Giấy chứng nhận) at `VPDK{province}`, the others at '
      '`SNNMT{province}`. Information rows name no agency pattern (the format needs none) but keep `agencyName`.')
    w('5. **Times.** "N Ngày làm việc" → N; "N Ngày" → N, flagged "unit published as Ngày (calendar days?)"; bare '
      '"N" → N, flagged; "N Giờ" → N/8 rounded up to a half day (1–4 h → 0.5, 8 h → 1, 24 h → 3, 28 h → 3.5); '
      '"N Tháng", "Không có thông tin", a time run together with its fee ("1100" + "VNĐ(…)", the extract lost the '
      'boundary) or a garbled channel (no time, text in the fee field) → no usable time, the channel is left empty '
      'and the `source` says why; empty → channel not offered. A row with no usable channel becomes `information` '
      '(no agency pattern, days or fees).')
    w('6. **Fees.** "Miễn phí", "Không" → 0; "150,000 Việt Nam Đồng(note)" → 150000 with the note (as cut by the '
      'extract) in `feeBasis` (per channel when the notes differ); "Không có thông tin" or empty on a channel with a '
      'time → 0, flagged; amounts from 10 to 999 VND ("50 VNĐ(… 25.000 đồng/hồ sơ …)") are read as '
      'thousands, flagged; amounts under 10 VND are unreadable → 0, flagged; USD amounts → 0 with the USD amount in `feeBasis`, flagged (the format takes VND only).')
    w('7. **Other columns.** Names, sectors, results in Unicode NFC, trimmed, otherwise as published (a name the '
      'extract cut is kept and flagged "tên bị cắt"); `result` "Kết quả giải quyết thủ tục" when empty; '
      '`targetGroup`: citizens, Vietnamese abroad, foreigners, officials, party members → CITIZEN; organisations, '
      'enterprises, cooperatives → ORGANISATION; `announcedBy` as published (flagged when incomplete); '
      '`onlineServiceLevel` PARTIAL for every usable row, INFORMATION for information rows; `sectorEn` translated '
      'here; `nameEn`, `legalBasis`, `conditions` empty.')
    w('8. **Documents.** Each usable derived row gets the two generic components `DON_DE_NGHI` "Đơn đề nghị (tờ '
      'khai) theo mẫu" (ORIGINAL) and `GIAY_TO_THEO_QUY_DINH` "Giấy tờ khác theo quy định của thủ tục (chưa nghiên '
      'cứu)" (COPY), so the gap shows; information rows get none.')
    w('')
    w('## Decisions per sector')
    w('')
    w('Columns: rows in the extract; researched (carried over from a-/b-); kept (derived); dropped; agency at '
      'province / commune.')
    w('')
    w('| sector | extract | researched | kept | dropped | decision | province / commune | why |')
    w('| --- | --- | --- | --- | --- | --- | --- | --- |')
    for name in sorted(per_sector, key=lambda n: (S[n][0] != 'drop', n)):
        c = per_sector[name]
        decision, province_key, commune_key, english, reason = S[name]
        agency = ''
        if decision != 'drop':
            province = AGENCIES[province_key][0] if province_key else '—'
            if name == 'Đất đai':
                province = '`VPDK{province}` / `SNNMT{province}`'
            elif name == 'Tài chính đất đai':
                province = '`THUE{province}` (1.012994: `STC{province}`)'
            else:
                province = '`%s`' % province if province != '—' else province
            agency = '%s / `%s`' % (province, AGENCIES[commune_key][0])
        label = {'drop': 'drop', 'keep': 'keep', 'commune': 'commune rows only'}[decision]
        extra = ' (%d not applicable)' % c['not applicable'] if c['not applicable'] else ''
        w('| %s (%s) | %d | %d | %d | %d%s | %s | %s | %s |' % (
            name, english, c['extract'], c['researched'], c['kept'], c['dropped'], extra, label, agency,
            reason.replace('|', '/')))
    w('')
    w('Dropped by sector: %s.' % ', '.join('%s %d' % (n, c) for n, c in sorted(
        collections.Counter(d[1] for d in sector_dropped).items(), key=lambda kv: (-kv[1], kv[0]))))
    w('')
    w('### Single procedures dropped inside kept sectors')
    w('')
    for code, sector_name, reason in sorted(not_applicable):
        w('- %s (%s): %s' % (code, sector_name, reason[len('not applicable: '):]))
    w('')
    w('## Agency patterns')
    w('')
    w('Used (handledBy or receivedBy, all rows): %s.' % ', '.join('`%s` %d' % kv for kv in sorted(
        used.items(), key=lambda kv: -kv[1])))
    w('')
    w('**New agency patterns needed** (not in `webapp/src/main/resources/reference/agencies.csv`; the CSVs name them, '
      'so the reference data needs a row for each before the catalogue can be imported):')
    w('')
    w('| pattern | code for Lạng Sơn | Vietnamese | English | kind | rows |')
    w('| --- | --- | --- | --- | --- | --- |')
    rows = []
    for key, (pattern, words, vietnamese, english, new) in AGENCIES.items():
        if new:
            kind = 'POLICE' if key in POLICE_UNITS else 'DEPARTMENT'
            code = pattern.replace('{province}', PROVINCE)
            w('| `%s` | %s | %s | %s | %s | %d |' % (pattern, code, vietnamese, english, kind, used[pattern]))
            line = io.StringIO()
            csv.writer(line, lineterminator='').writerow([
                code, vietnamese, english, 'PROVINCE', PROVINCE, kind, '2025-03-01' if key == 'STC' else '', '',
                '' if key in ('STP', 'STC') else 'no'])
            rows.append(line.getvalue())
    w('')
    w('Rows for `agencies.csv` (columns code, name, nameEn, level, adminUnitCode, kind, validFrom, validTo, '
      'confirmed; the Department of Finance as merged with Planning and Investment on 1 March 2025, see '
      '`agencies-2025.md`; the police units and the board `confirmed=no`: their names were not read in a Lạng Sơn '
      'source):')
    w('')
    w('```')
    L.extend(rows)
    w('```')
    w('')
    w('`STP` and `STC` are the brief\'s. `PC06` is the brief\'s pattern for police sectors at province, used for '
      'identity cards, electronic identification, weapons, seals and security-conditioned businesses. Three police '
      'sectors have their own units, so they get their own patterns instead of `PC06`: immigration `PA08` (Phòng '
      'Quản lý xuất nhập cảnh), fire prevention `PC07`, drug rehabilitation `PC04` (the least certain: the unit that '
      'advises the provincial police director on rehabilitation licences was not read in any source). `BQLKKT` is '
      'the management board of the Đồng Đăng – Lạng Sơn border-gate economic zone, which also manages the '
      "province's industrial parks (its name was not re-checked for 2026). If fewer new agencies are wanted, "
      '`PA08`, `PC07` and `PC04` can fall back to `PC06` and `BQLKKT` to `STC` by changing `S` in the script.')
    if unused_new:
        w('')
        w('Declared but unused: %s.' % ', '.join(unused_new))
    w('')
    w('## Known problems')
    w('')
    problems_text = [
        '**Documents are placeholders** for every derived row (two generic components). A dossier filed on one of '
        'them cannot be checked for completeness; research them sector by sector (the researched rows show how).',
        '**Times are read literally.** "N Ngày" (calendar days?) is kept as N working days; bare numbers are read as '
        'working days, though for civil-status and certification rows "1" usually means "at once, the next working '
        'day after 15:00" (the researched rows write those as 0). Hours become half days. Channels with times in '
        'months were left out (e.g. 1.001010 permanent residence card for foreigners: 6 months at the counter).',
        '**Channels left empty are not "not offered".** When one channel\'s time is unknown or garbled, the channel '
        'is left empty (the format has no "unknown"), which reads as "not offered"; the `source` says which.',
        '**Fees.** Fees not published are written 0 (flagged). Amounts of 10–999 VND are read as thousands '
        '(lawyers, construction appraisal, veterinary advertising, …) — the notes usually confirm it, but the '
        'lawyers\' "1 VNĐ" online rows (1.002032, 1.002055) are unreadable and written 0 (their note speaks of a '
        'reduction for online registration). Immigration fees in USD are written 0 with the USD amount in '
        '`feeBasis`; the format needs a currency or a conversion rule. Notes such as "áp dụng mức phí 25.000 '
        'đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/…" (temporary reductions) are in `feeBasis` only; the '
        'fee column holds the full amount. Province-set fees (People\'s Council) were not looked up.',
        '**Run-together time and fee.** Enterprise registration rows (2.002009 – 2.002085) and 1.005136, 2.001895 '
        'publish times like "1100" or "125" with a fee field starting "VNĐ": the extract lost the boundary, which '
        'looks like "1" + "100" (the 100,000 publication fee) and "1" + "25" (a 25,000 fee). These channels were '
        'left out rather than guessed: 9 enterprise registration rows (e.g. 2.002009, 2.002011, 2.002032) and '
        '1.005136 became information only, and 8 others (e.g. 2.002015, 2.002044) keep only their clean online '
        'channel (bare "1", fee 0). They are core procedures (the Law on Enterprises gives 3 working days; the '
        'registration fee and the 100,000 publication fee, from memory) and are worth researching first.',
        '**Agencies inferred from the sector**, not read per procedure: most are safe (justice, finance, '
        'construction, agriculture-environment), but the flagged ones are not: state compensation (`STP` stands in '
        'for the agency that caused the damage), land finance (`THUE`), national target programmes (`STC`), drug '
        'rehabilitation (`PC04`), the commune police for grassroots-security and fire-fighting regimes. Some '
        'province rows are performed by the provincial People\'s Committee on the department\'s advice (`stages` '
        'with `T{province}` would be closer); all are `transfer` to the department here.',
        '**Two-level rows** ("Cấp tỉnh, Cấp xã") get one level only. The format has one level per code, so rows such '
        'as tree-felling permits (1.002693), planning information (1.014159) or food-safety certificates (2.001827) '
        'are PROVINCE although communes perform some cases.',
        '**Dropped sectors with a local side.** Maritime and inland waterways were dropped as the brief says, but '
        'its "Cấp xã" rows (registration of small inland-waterway vessels) are commune procedures a province with '
        'rivers and reservoirs may need; social insurance was dropped although commune centres receive some of its '
        'dossiers for the BHXH office; "Người có công" (people with merit, Department of Home Affairs) needs a clean '
        'source — the extract\'s 7 rows are unusable.',
        '**Police rows at province are `singleAgency` without `receivedBy`** (received by the police unit), unlike '
        'the brief\'s rule for province rows, to match the researched police rows. If the Lạng Sơn centre does '
        'receive them, set `receivedBy` to `TTHCC{province}` and the template to `transfer` in `derive`.',
        '**Names and results** keep the extract\'s cuts (300 and 120 characters) and oddities (e.g. 1.001010 '
        '"cấp tinh"); announcing decisions such as "QĐ/0001-BCA", "9303", "Demo/QĐ-BCA" are kept as published and '
        'flagged.',
        '**Sector names** are the extract\'s, including its cuts ("Chuyển đổi công ty nhà nước … theo Luật Doanh '
        'nghiệp n", "Đầu tư bằng vốn hỗ trợ phát triển chính thức (ODA) và viện trợ không hoàn lại kh") and typos '
        '("Tổ chức cai nghiên ma túy").',
    ]
    for text in problems_text:
        w('- ' + text)
    w('')
    w('## Check')
    w('')
    w('The script validates what it wrote: header and column count of every row, UTF-8, LF, NFC, unique codes in '
      '`d.dddddd` sorted, enums, required values, half-day times from 0 to 1,000, a fee on every channel with a time, '
      'integer fees, documents of known procedures with unique upper-case codes, valid `form`, `count`, `when` (with '
      'its optional `!`) and `resultOf`, two documents at least for every procedure that takes dossiers, and every '
      '`handledBy`/`receivedBy` pattern resolving (province %s, commune %s) to a code of `agencies.csv` or being one '
      'of the new patterns above. Result: %s.' % (PROVINCE, COMMUNE, 'no problem' if not problems else '%d problems: '
                                                  '%s' % (len(problems), '; '.join(problems[:20]))))
    with open(NOTES, 'w', encoding='utf-8', newline='') as f:
        f.write('\n'.join(L) + '\n')


if __name__ == '__main__':
    sys.exit(main())
