#!/usr/bin/env python3
"""Builds the rows of webapp/src/main/resources/reference/{admin-units,agencies}.csv for one province from the
sources in this folder: the units in force from 1 July 2025 and the former districts and communes (ended 30 June
2025), each with its bodies (People's Committee; for a district its divisions, land registration branch and tax
sub-department; for the province its centre, transport department (to 28 February 2025) and traffic police).

  python3 build_rows.py tuyen-quang     # from tuyen-quang-*.tsv here
  python3 build_rows.py lang-son PATH   # PATH: the shared reference folder (lang-son-communes-2025-07*.tsv)

Writes <province>-units.csv and <province>-agencies.csv (rows only, no header) into the current folder; paste them
into the reference data in place of the province's rows. Rows a source did not confirm get confirmed=no.
"""
import csv
import io
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

END, START, DEPARTMENTS_MERGED = "2025-06-30", "2025-07-01", "2025-03-01"


def tsv(path):
    lines = [l for l in open(path, encoding='utf-8').read().split('\n') if l and not l.startswith('#')]
    return list(csv.DictReader(io.StringIO('\n'.join(lines)), delimiter='\t'))


def bare(name):
    return re.sub(r'^(Xã|Phường|Thị trấn|xã|phường|thị trấn|Huyện|Thành phố)\s+', '', name)


def lower_kind(name):
    for kind in ('Xã', 'Phường', 'Thị trấn', 'xã'):
        if name.startswith(kind + ' '):
            return kind.lower() + name[len(kind):]
    return name


def english_kind(name):
    return 'Ward' if name.startswith('Phường') else 'Township' if name.startswith('Thị trấn') else 'Commune'


def quoted(text):
    return '"%s"' % text if (',' in text or "'" in text) else text


def province_bodies(code, name, ended=''):
    return [
        "T%s,Ủy ban nhân dân tỉnh %s,%s,PROVINCE,%s,PEOPLES_COMMITTEE,,%s" % (
            code, name, quoted("%s Provincial People's Committee" % name), code, ended),
        "TTHCC%s,Trung tâm Phục vụ hành chính công tỉnh %s,%s Public Administration Service Centre,PROVINCE,%s,"
        "SERVICE_CENTRE,,%s" % (code, name, name, code, ended),
        "SGTVT%s,Sở Giao thông vận tải tỉnh %s,%s Department of Transport,PROVINCE,%s,DEPARTMENT,,2025-02-28" % (
            code, name, name, code),
        "CSGT%s,Phòng Cảnh sát giao thông – Công an tỉnh %s,%s,PROVINCE,%s,POLICE,,%s" % (
            code, name, quoted("Traffic Police Division, %s Provincial Police" % name), code, ended),
    ]


def district_bodies(code, name):
    local = 'huyện' if name.startswith('Huyện') else 'thành phố'
    english = 'District' if name.startswith('Huyện') else 'City'
    short = bare(name)
    return [
        "H%s,Ủy ban nhân dân %s %s,%s,DISTRICT,%s,PEOPLES_COMMITTEE,,%s" % (
            code, local, short, quoted("%s %s People's Committee" % (short, english)), code, END),
        "H%s-TCKH,Phòng Tài chính – Kế hoạch %s %s,%s %s Finance and Planning Division,DISTRICT,%s,DIVISION,,%s" % (
            code, local, short, short, english, code, END),
        "H%s-KTHT,Phòng Kinh tế và Hạ tầng %s %s,%s %s Economy and Infrastructure Division,DISTRICT,%s,DIVISION,,%s"
        % (code, local, short, short, english, code, END),
        "CNVPDK%s,Chi nhánh Văn phòng Đăng ký đất đai %s %s,%s %s Land Registration Office Branch,DISTRICT,%s,"
        "LAND_OFFICE,,%s" % (code, local, short, short, english, code, END),
        "CCT%s,Chi cục Thuế %s %s,%s %s Tax Sub-department,DISTRICT,%s,TAX_OFFICE,,%s,no" % (
            code, local, short, short, english, code, END),
    ]


def commune_body(code, name, start='', end='', confirmed=''):
    return "X%s,Ủy ban nhân dân %s,%s,COMMUNE,%s,PEOPLES_COMMITTEE,%s,%s,%s" % (
        code, lower_kind(name), quoted("%s %s People's Committee" % (bare(name), english_kind(name))), code, start,
        end, confirmed)


def commune_police(code, name, start='', confirmed=''):
    """The commune-level police of a commune of today (residence, identity cards, vehicle registration)."""
    return "CAX%s,Công an %s,%s,COMMUNE,%s,POLICE,%s,,%s" % (
        code, lower_kind(name), quoted("%s %s Police" % (bare(name), english_kind(name))), code, start, confirmed)


def build(province, name, districts, former, today, others=()):
    """districts: [(code, name, province)], former: [(code, name, district)], today: [(code, name, confirmed)]."""
    units = ['%s,Tỉnh %s,PROVINCE,,,,' % (province, name)]
    agencies = province_bodies(province, name)
    for code, other in others:
        units.append('%s,Tỉnh %s,PROVINCE,,,%s,' % (code, other, END))
        agencies += province_bodies(code, other, END)
    for code, district, parent in districts:
        units.append('%s,%s,DISTRICT,%s,,%s,' % (code, district, parent, END))
        agencies += district_bodies(code, district)
    for code, commune, district in former:
        units.append('%s,%s,COMMUNE,%s,,%s,' % (code, commune, district, END))
        agencies.append(commune_body(code, commune, end=END))
    for code, commune, confirmed in today:
        units.append('%s,%s,COMMUNE,%s,%s,,%s' % (code, commune, province, START, confirmed))
        agencies.append(commune_body(code, commune, start=START, confirmed=confirmed))
        agencies.append(commune_police(code, commune, start=START, confirmed=confirmed))
    # the provincial police's records division (criminal record certificates since 2025): its unit is inferred
    agencies.append("PV06%s,Phòng Hồ sơ nghiệp vụ – Công an tỉnh %s,%s,PROVINCE,%s,POLICE,,,no" % (
        province, name, quoted("Records Division, %s Provincial Police" % name), province))
    return units, agencies


def distinct(rows, key):
    seen, out = set(), []
    for row in rows:
        if row[key] not in seen:
            seen.add(row[key])
            out.append(row)
    return out


def tuyen_quang():
    districts = [(d['district_code'], d['district_name'], '02' if '(02)' in d['province_before_2025_07'] else '08')
                 for d in tsv(os.path.join(HERE, 'tuyen-quang-districts-2025-06.tsv'))]
    former = [(o['old_code'], o['old_name'], o['old_district_code'])
              for o in distinct(tsv(os.path.join(HERE, 'tuyen-quang-communes-2025-07-from-old.tsv')), 'old_code')]
    today = [(n['code'], n['name'], '' if n['confirmed'] == 'yes' else 'no')
             for n in tsv(os.path.join(HERE, 'tuyen-quang-communes-2025-07.tsv'))]
    units, agencies = build('08', 'Tuyên Quang', districts, former, today, others=[('02', 'Hà Giang')])
    agencies += [
        "SXD08,Sở Xây dựng tỉnh Tuyên Quang,Tuyên Quang Department of Construction,PROVINCE,08,DEPARTMENT,,",
        "VPDK08,Văn phòng Đăng ký đất đai tỉnh Tuyên Quang,Tuyên Quang Land Registration Office,PROVINCE,08,"
        "LAND_OFFICE,,",
        "THUE08,Thuế tỉnh Tuyên Quang,Tuyên Quang Provincial Tax Office,PROVINCE,08,TAX_OFFICE,%s," % START]
    return units, agencies


def lang_son(shared):
    old = tsv(shared + '/lang-son-communes-2025-07-from-old.tsv')
    districts = [(o['old_district_code'], o['old_district'], '20') for o in distinct(old, 'old_district_code')]
    former = [(o['old_code'], o['old_name'], o['old_district_code']) for o in distinct(old, 'old_code')]
    today = [(n['code'], n['name'][0].upper() + n['name'][1:], '')
             for n in tsv(shared + '/lang-son-communes-2025-07.tsv')]
    units, agencies = build('20', 'Lạng Sơn', districts, former, today)
    agencies += [
        "SXD20,Sở Xây dựng tỉnh Lạng Sơn,Lạng Sơn Department of Construction,PROVINCE,20,DEPARTMENT,,",
        "SNNMT20,Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn,Lạng Sơn Department of Agriculture and Environment,"
        "PROVINCE,20,DEPARTMENT,%s," % DEPARTMENTS_MERGED,
        "VPDK20,Văn phòng Đăng ký đất đai tỉnh Lạng Sơn,Lạng Sơn Land Registration Office,PROVINCE,20,LAND_OFFICE,,",
        "THUE20,Thuế tỉnh Lạng Sơn,Lạng Sơn Provincial Tax Office,PROVINCE,20,TAX_OFFICE,%s," % START]
    # the demo catalogue's other competent bodies (build_catalogue.py); police divisions and the board unconfirmed
    agencies += [
        "STP20,Sở Tư pháp tỉnh Lạng Sơn,Lạng Sơn Department of Justice,PROVINCE,20,DEPARTMENT,,,",
        "STC20,Sở Tài chính tỉnh Lạng Sơn,Lạng Sơn Department of Finance,PROVINCE,20,DEPARTMENT,%s,," % (
            DEPARTMENTS_MERGED),
        "PC0620,Phòng Cảnh sát quản lý hành chính về trật tự xã hội – Công an tỉnh Lạng Sơn,\"Administrative Police"
        " Division for Social Order, Lạng Sơn Provincial Police\",PROVINCE,20,POLICE,,,no",
        "PA0820,Phòng Quản lý xuất nhập cảnh – Công an tỉnh Lạng Sơn,\"Immigration Division, Lạng Sơn Provincial"
        " Police\",PROVINCE,20,POLICE,,,no",
        "PC0720,\"Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ – Công an tỉnh Lạng Sơn\",\"Fire Prevention,"
        " Fire Fighting and Rescue Police Division, Lạng Sơn Provincial Police\",PROVINCE,20,POLICE,,,no",
        "PC0420,Phòng Cảnh sát điều tra tội phạm về ma túy – Công an tỉnh Lạng Sơn,\"Drug Crime Investigation Police"
        " Division, Lạng Sơn Provincial Police\",PROVINCE,20,POLICE,,,no",
        "BQLKKT20,Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn,Management Board of the Đồng Đăng – Lạng Sơn"
        " Border-Gate Economic Zone,PROVINCE,20,DEPARTMENT,,,no"]
    return units, agencies


if __name__ == '__main__':
    which = sys.argv[1]
    units, agencies = tuyen_quang() if which == 'tuyen-quang' else lang_son(sys.argv[2])
    open(which + '-units.csv', 'w', encoding='utf-8').write('\n'.join(units) + '\n')
    open(which + '-agencies.csv', 'w', encoding='utf-8').write('\n'.join(agencies) + '\n')
    print(which, len(units), 'units,', len(agencies), 'agencies')
